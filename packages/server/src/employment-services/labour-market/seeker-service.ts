import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { assertRegionInScope, isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import type { ProfileInput, SeekerView } from './labour-market.schemas.js';
import { mediumGroup, occupation } from './occupations.js';
import {
  certificatesOf,
  employmentStatusOf,
  findPersonRecord,
  findSeeker,
  saveSeeker,
  seekerOfPerson,
  seekersInRange,
  type SeekerRow,
} from './seeker-repository.js';

/**
 * A person's job-seeking profile (求职登记): the occupations, place and pay they want and from
 * when, made by themselves or by a clerk or case worker; shown with the certificates the registry
 * already holds and with their open unemployment registration and assistance case, so whoever
 * refers them sees the whole person (庆政办发〔2023〕102号 第25条 "一网通办").
 */
export class SeekerService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async saveOwn(actor: Actor, input: ProfileInput): Promise<SeekerView> {
    if (!actor.personId) throw new AppError('PERSON_NOT_FOUND', 404);
    await assertRegionInScope(this.db, '000000', input.regionCode, 'regionCode');
    return this.save(actor, actor.personId, input);
  }

  async saveFor(actor: Actor, input: ProfileInput & { personId: string }): Promise<SeekerView> {
    const person = await findPersonRecord(this.db, input.personId);
    if (!person || !isInScope(actor.regionCode, person.region_code))
      throw new AppError('PERSON_NOT_FOUND', 404, 'personId');
    await assertRegionInScope(this.db, '000000', input.regionCode, 'regionCode');
    const { personId, ...profile } = input;
    return this.save(actor, personId, profile);
  }

  private async save(actor: Actor, personId: string, input: ProfileInput): Promise<SeekerView> {
    const unknown = input.occupationCodes.findIndex((c) => !occupation(c));
    if (unknown >= 0) throw new AppError('UNKNOWN_OCCUPATION', 400, `occupationCodes[${unknown}]`);
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await saveSeeker(trx, {
        person_id: personId,
        region_code: input.regionCode,
        occupation_codes: input.occupationCodes,
        occupation_groups: [...new Set(input.occupationCodes.map(mediumGroup))],
        pay_min_fen: input.payMinFen,
        available_from: input.availableFrom,
        skills: input.skills.trim(),
        created_by: actor.accountId,
      });
      await appendAudit(trx, this.vault, {
        actor,
        action: 'labour-market.seeker-saved',
        entityType: 'job_seeker',
        entityId: id,
        regionCode: input.regionCode,
        after: input,
      });
      return id;
    });
    return this.view(id);
  }

  async mine(actor: Actor): Promise<SeekerView | undefined> {
    const row = actor.personId ? await seekerOfPerson(this.db, actor.personId) : undefined;
    return row && (await this.toView(row));
  }

  async get(actor: Actor, id: string): Promise<SeekerView> {
    return this.toView(await this.inScope(actor, id));
  }

  async list(actor: Actor): Promise<SeekerView[]> {
    const rows = await seekersInRange(this.db, regionRange(actor.regionCode), 500);
    const certificates = await certificatesOf(
      this.db,
      rows.map((r) => r.person_id),
    );
    return rows.map((r) => this.shape(r, certificates.get(r.person_id) ?? []));
  }

  /** A seeker whose wanted region, or whose person, is in the caller's regions. */
  async inScope(actor: Actor, id: string): Promise<SeekerRow> {
    const row = await findSeeker(this.db, id);
    if (!row) throw new AppError('SEEKER_NOT_FOUND', 404);
    if (isInScope(actor.regionCode, row.region_code)) return row;
    const person = await findPersonRecord(this.db, row.person_id);
    if (!person || !isInScope(actor.regionCode, person.region_code)) throw new AppError('SEEKER_NOT_FOUND', 404);
    return row;
  }

  async view(id: string): Promise<SeekerView> {
    const row = await findSeeker(this.db, id);
    if (!row) throw new AppError('SEEKER_NOT_FOUND', 404);
    return this.toView(row);
  }

  private async toView(row: SeekerRow): Promise<SeekerView> {
    const certificates = (await certificatesOf(this.db, [row.person_id])).get(row.person_id) ?? [];
    const { registration, assistance } = await employmentStatusOf(this.db, row.person_id);
    return {
      ...this.shape(row, certificates),
      ...(registration ? { unemployedSince: registration.starts_on, registrationCard: registration.card_number } : {}),
      ...(assistance
        ? { assistanceCase: { id: assistance.id, kind: assistance.kind, openedOn: assistance.opened_on } }
        : {}),
    };
  }

  private shape(row: SeekerRow, certificates: SeekerView['certificates']): SeekerView {
    return {
      id: row.id,
      personId: row.person_id,
      name: row.name,
      regionCode: row.region_code,
      regionName: { zh: row.region_zh, en: row.region_en },
      occupations: row.occupation_codes.map((c) => occupation(c) ?? { code: c, zh: c, en: c }),
      payMinFen: row.pay_min_fen,
      availableFrom: row.available_from,
      skills: row.skills,
      active: row.active,
      certificates,
    };
  }
}
