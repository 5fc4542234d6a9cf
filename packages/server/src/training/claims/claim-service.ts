import type { Kysely } from 'kysely';
import type { ApplicationService } from '../../applications/application-service.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { certificatesOfClass } from '../certificates/certificate-repository.js';
import { staffClass } from '../classes/class-access.js';
import { classPayee } from '../classes/class-repository.js';
import { classStateValue } from '../classes/class-view.js';

/** Training-subsidy claims (职业培训补贴) filed from the certificates a completed class issued. */
export class ClaimService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly applications: ApplicationService,
  ) {}

  /**
   * Training-subsidy claims from a completed class: for each certificate not yet claimed, the
   * trainee's 职业培训补贴 is filed and submitted by the clerk; the engine, the catalogue's standard
   * and the risk checks then decide it like any claim. It is paid to the trainee (补贴发放以直补个人
   * 为主, 5号 (十六)) unless the catalogue item is paid to the institution (企业和培训机构按有关管理
   * 规定申领补贴, ibid.; 项目制培训, 财社〔2023〕181号 第九条).
   */
  async fileClaims(actor: Actor, id: string): Promise<{ filed: string[]; alreadyFiled: number }> {
    const cls = await staffClass(this.db, actor, id);
    if (cls.state !== 'completed') throw new AppError('CLASS_STATE', 409, 'action', classStateValue(cls.state));
    const certificates = await certificatesOfClass(this.db, id);
    const paid = await classPayee(this.db, id);
    // The trainee's claim either way (the caps count it against them); an institution-paid item
    // only changes the account it is paid into.
    const payee = paid.payee === 'institution' ? { payeeOrganisationId: paid.organisation_id } : {};
    const filed: string[] = [];
    let alreadyFiled = 0;
    for (const c of certificates) {
      const { application, created } = await this.applications.create(
        actor,
        {
          subsidy: 'vocational-training',
          personId: c.person_id,
          claim: { certificateId: c.serial },
          idempotencyKey: `training-${c.serial}`,
          submit: true,
        },
        undefined,
        payee,
      );
      if (created) filed.push(application.id);
      else alreadyFiled++;
    }
    return { filed, alreadyFiled };
  }
}
