import { addMonths, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { Vault } from '../security/vault.js';
import { graduationOf } from './assistance/assistance-repository.js';
import { AssistanceService } from './assistance/assistance-service.js';
import { HardshipService } from './hardship/hardship-service.js';
import { labourMarket, type LabourMarket } from './labour-market/labour-market-service.js';
import type { StandardLookup } from './labour-market/posting-checks.js';
import type { HireStarted } from './labour-market/referral-service.js';
import type { PersonForRegistration } from './registration/registration-repository.js';
import { ContributionReview } from './registration/contribution-review.js';
import { RegistrationImportService } from './registration/registration-import-service.js';
import { RegistrationService, type RegistrationEffects } from './registration/registration-service.js';
import type { NewRegistrationView } from './registration/registration.schemas.js';

type CasesOpened = NewRegistrationView['casesOpened'];

/** Years after leaving school a registered-unemployed graduate is followed as 离校未就业 (川办发〔2024〕34号 (十四)). */
const GRADUATE_YEARS = 2;

export interface EmploymentServices {
  readonly registrations: RegistrationService;
  readonly imports: RegistrationImportService;
  readonly contributions: ContributionReview;
  readonly hardship: HardshipService;
  readonly assistance: AssistanceService;
  readonly labourMarket: LabourMarket;
}

/**
 * The three parts joined up (即时对接, 庆政办发〔2023〕102号 第25条): registering unemployment opens a
 * graduate's or a zero-employment household's case; starting work closes the person's and the
 * household's cases, and stable work (a labour contract) ends a hardship certification.
 */
export function employmentServices(
  db: Kysely<Database>,
  vault: Vault,
  clock: Clock,
  ports: {
    /** The regions' dated standards as the policy engine resolves them (the local minimum wage). */
    standard: StandardLookup;
    hireStarted?: HireStarted;
    hiredByUnit?: RegistrationEffects['hiredByUnit'];
    /** Where the public job board reads (a streaming replica); `db` when absent. */
    publicDb?: Kysely<Database>;
  },
): EmploymentServices {
  const assistance = new AssistanceService(db, vault, clock);
  const hardship = new HardshipService(db, vault, clock, assistance);
  const effects: RegistrationEffects = {
    async employed(trx, actor, person, on, employmentKind) {
      if (employmentKind === 'labour-contract') await hardship.employed(trx, actor, person.id, on);
      await assistance.employed(trx, actor, person.id, person.household_id, on);
    },
    ...(ports.hiredByUnit ? { hiredByUnit: ports.hiredByUnit } : {}),
    unemployed: (trx, actor, person, registration) =>
      openCasesForUnemployed(trx, assistance, actor, person, registration),
  };
  const registrations = new RegistrationService(db, vault, clock, effects);
  return {
    registrations,
    imports: new RegistrationImportService(db, vault, clock),
    contributions: new ContributionReview(db, clock, registrations),
    hardship,
    assistance,
    labourMarket: labourMarket(db, vault, clock, registrations, ports.standard, ports.hireStarted, ports.publicDb),
  };
}

async function openCasesForUnemployed(
  trx: Transaction<Database>,
  assistance: AssistanceService,
  actor: Actor,
  person: PersonForRegistration,
  registration: { startsOn: IsoDate; regionCode: string; community: string | null },
): Promise<CasesOpened> {
  const opened: CasesOpened = [];
  const where = {
    personId: person.id,
    regionCode: registration.regionCode,
    community: registration.community,
    openedOn: registration.startsOn,
  };
  const graduated = await graduationOf(trx, person.id);
  if (
    graduated &&
    graduated <= registration.startsOn &&
    addMonths(graduated, 12 * GRADUATE_YEARS) >= registration.startsOn
  ) {
    if (await assistance.open(trx, actor, { ...where, kind: 'graduate' })) opened.push('graduate');
  }
  // 城镇零就业家庭: an urban household none of whose members is employed.
  if (
    person.household_id &&
    !person.rural &&
    (await assistance.householdWithoutWork(trx, person.household_id, registration.startsOn))
  ) {
    const household = await assistance.open(trx, actor, {
      ...where,
      kind: 'zero-employment-household',
      householdId: person.household_id,
    });
    if (household) opened.push('zero-employment-household');
  }
  return opened;
}
