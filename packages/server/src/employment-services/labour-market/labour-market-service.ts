import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import type { Vault } from '../../security/vault.js';
import type { RegistrationService } from '../registration/registration-service.js';
import { EventService } from './event-service.js';
import { GigService } from './gig-service.js';
import { MatchingService } from './matching-service.js';
import type { StandardLookup } from './posting-checks.js';
import { PostingService } from './posting-service.js';
import { PostingImport } from './postings-import.js';
import { ReferralService, type HireStarted } from './referral-service.js';
import { SeekerService } from './seeker-service.js';

/** The public labour market's services (岗位、求职、匹配、岗位推荐). */
export interface LabourMarket {
  readonly postings: PostingService;
  readonly seekers: SeekerService;
  readonly matching: MatchingService;
  readonly referrals: ReferralService;
  readonly gigs: GigService;
  readonly events: EventService;
  readonly imports: PostingImport;
}

export function labourMarket(
  db: Kysely<Database>,
  vault: Vault,
  clock: Clock,
  registrations: RegistrationService,
  /** The regions' dated standards (the local minimum wage a posting's pay is held to). */
  standard: StandardLookup,
  hireStarted?: HireStarted,
  /** Where the public board reads (a streaming replica): never a read that must see a write just made. */
  publicDb: Kysely<Database> = db,
): LabourMarket {
  const postings = new PostingService(db, vault, clock, standard, publicDb);
  const seekers = new SeekerService(db, vault, clock);
  return {
    postings,
    seekers,
    matching: new MatchingService(db, clock, postings, seekers),
    referrals: new ReferralService(db, vault, clock, seekers, postings, registrations, hireStarted),
    gigs: new GigService(db, vault, clock, postings, publicDb),
    events: new EventService(db, vault, clock),
    imports: new PostingImport(db, vault, clock, standard),
  };
}
