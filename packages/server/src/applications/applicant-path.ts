import type { IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { Vault } from '../security/vault.js';
import type { ApplicationReads } from './application-reads.js';
import type {
  ApplicationViewT,
  DeclarationDecision,
  DecisionPreview,
  DecisionPreviewViewT,
} from './applications.schemas.js';
import type { CatalogueStandardOf } from './claim-facts.js';
import { decideDeclaration, declarationsOf } from './declarations.js';
import { previewDecision } from './decision-preview.js';
import { selfCheckQuestions } from './self-check-questions.js';
import { materialStanding, submissionCheck } from './submission-check.js';
import { visibleApplications } from './visibility.js';

/**
 * The applicant's side of an application before and at filing (issue 17, decision 022): what the
 * engine would decide on the form as typed, the self-check's questions, what would be refused or is
 * missing before submitting, which materials the platform already holds, and the clerk's word on
 * what the applicant declared.
 */
export class ApplicantPath {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly catalogueStandardOf: CatalogueStandardOf,
    private readonly reads: ApplicationReads,
    private readonly calendar: CalendarService,
  ) {}

  /** What the engine would decide today for an application as typed so far; nothing is stored. */
  async preview(actor: Actor, input: DecisionPreview): Promise<DecisionPreviewViewT> {
    const deps = { db: this.db, vault: this.vault, clock: this.clock, catalogueStandardOf: this.catalogueStandardOf };
    return previewDecision(deps, await this.policies.engine(), actor, input);
  }

  /** Before submitting: would the engine refuse, and which materials are missing (提交前确认). */
  async submissionCheck(actor: Actor, id: string) {
    const deps = {
      db: this.db,
      vault: this.vault,
      clock: this.clock,
      calendar: this.calendar,
      catalogueStandardOf: this.catalogueStandardOf,
    };
    return submissionCheck(deps, await this.policies.engine(), actor, id);
  }

  /** The materials the platform does not need on paper for this application (by index). */
  async waivedMaterials(actor: Actor, id: string): Promise<number[]> {
    const app = await visibleApplications(this.db, actor).selectAll().where('id', '=', id).executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    const declarations = await declarationsOf(this.db, id);
    const { waived } = await materialStanding({ db: this.db, vault: this.vault }, await this.policies.engine(), app, {
      declarations,
      today: this.clock.today(),
    });
    return [...waived].sort((a, b) => a - b);
  }

  /** The self-check's questions for a region and day (政策计算器). */
  async questions(region: string, date: IsoDate) {
    return selfCheckQuestions(await this.policies.engine(), region, date);
  }

  /** The clerk confirms, corrects or rejects one declared fact at acceptance. */
  async decideDeclaration(
    actor: Actor,
    id: string,
    declarationId: string,
    input: DeclarationDecision,
  ): Promise<ApplicationViewT> {
    await decideDeclaration(this.db, this.vault, actor, id, declarationId, input, this.clock.today());
    return this.reads.get(actor, id);
  }
}
