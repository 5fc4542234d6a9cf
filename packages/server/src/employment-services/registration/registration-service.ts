import { addDays, addMonths, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database, RegistrationEndReason } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError, inBoth } from '../../http/errors.js';
import { assertRegionInScope, isInScope, regionRange } from '../../regions/region-scope.js';
import { endFact, recordFact } from '../../registry/registry-fact-repository.js';
import type { Vault } from '../../security/vault.js';
import { NO_CONTACT_MONTHS, resolveDated } from '../employment-services-parameters.js';
import {
  refuseBadEmployerCode,
  refuseBeforeWorkingAge,
  refuseOverlap,
  refuseRegionMismatch,
} from './assert-can-register.js';
import { lockCardHolder, newCardNumber } from './card-number.js';
import { registrationFact } from './registration-facts.js';
import {
  cardNumberOf,
  endRegistration,
  findPerson,
  findRegistration,
  insertRegistration,
  openInRange,
  openRegistrationForUpdate,
  peopleNamed,
  registrationsOf,
  silentSince,
  touchContact,
  type PersonForRegistration,
  type RegistrationRow,
} from './registration-repository.js';
import type {
  EndedRegistrations,
  EndRegistrationBody,
  NewRegistrationView,
  RegisterBody,
  Registration,
  RegistrationList,
  SelfRegisterBody,
} from './registration.schemas.js';

export type RegisterInput = Static<typeof RegisterBody>;
export type SelfRegisterInput = Static<typeof SelfRegisterBody>;
export type EndInput = Static<typeof EndRegistrationBody>;
export type RegistrationView = Static<typeof Registration>;

/** What else happens, in the same transaction, when someone starts work or registers unemployed. */
export interface RegistrationEffects {
  /** A person started work on `on` (of a kind, when registered): certifications and cases end. */
  employed(
    trx: Transaction<Database>,
    actor: Actor,
    person: PersonForRegistration,
    on: IsoDate,
    employmentKind: string | null,
  ): Promise<void>;
  /**
   * After a labour contract with a unit is registered and committed: the unit's hiring subsidy may
   * now be offered (the proactive module's, handed in by the composition root).
   */
  hiredByUnit?(
    actor: Actor,
    employment: { personId: string; employerCreditCode: string; startsOn: IsoDate; registrationId: string },
  ): Promise<unknown>;
  /**
   * A person registered unemployed: an unemployed graduate or a zero-employment household gets a
   * case. Answers with the kinds of case opened, so the clerk is told.
   */
  unemployed(
    trx: Transaction<Database>,
    actor: Actor,
    person: PersonForRegistration,
    registration: { startsOn: IsoDate; regionCode: string; community: string | null },
  ): Promise<NewRegistrationView['casesOpened']>;
}

const SOURCE = 'employment-services' as const;

/**
 * 就业登记 and 失业登记 (川办发〔2024〕34号 (二十) "建立完善就业失业登记制度"): at the place of residence
 * (常住地) or of 户籍, one open registration per person (a partial unique index: two clerks at once
 * give one), the start of one ending the other the day before (即时对接, 庆政办发〔2023〕102号 第25条),
 * and each registration and its end a registry fact the engine reads (`registered-unemployed`, an
 * employment), so a decision changes without anyone entering a fact by hand.
 */
export class RegistrationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly effects: RegistrationEffects,
  ) {}

  async register(actor: Actor, input: RegisterInput): Promise<NewRegistrationView> {
    const person = await this.personInScope(actor, input.personId);
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    return this.registerPerson(actor, person, input);
  }

  /** The applicant registers their own unemployment, where they live or where their 户籍 is. */
  async registerSelf(actor: Actor, input: SelfRegisterInput): Promise<NewRegistrationView> {
    const person = actor.personId ? await findPerson(this.db, actor.personId) : undefined;
    if (!person) throw new AppError('PERSON_NOT_FOUND', 404);
    await assertRegionInScope(this.db, '000000', input.regionCode, 'regionCode');
    // Registered on the day it is made: a back-dated start would count months nobody verified.
    if (input.startsOn !== this.clock.today()) {
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        'startsOn',
        inBoth('detail', '自助登记自登记当日起算', 'a registration made online starts on the day it is made'),
      );
    }
    return this.registerPerson(actor, person, { ...input, personId: person.id, kind: 'unemployment' });
  }

  async myRegistrations(actor: Actor): Promise<RegistrationView[]> {
    return actor.personId ? (await registrationsOf(this.db, actor.personId)).map(view) : [];
  }

  private async registerPerson(
    actor: Actor,
    person: PersonForRegistration,
    input: RegisterInput,
  ): Promise<NewRegistrationView> {
    await refuseRegionMismatch(this.db, person, input);
    if (input.startsOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'startsOn');
    refuseBeforeWorkingAge(person.birth_date, input.startsOn);
    if (input.kind === 'employment' && !input.employmentKind)
      throw new AppError('REQUIRED_FIELD', 400, 'employmentKind');
    if (input.employmentKind === 'labour-contract' && !input.employerCreditCode)
      throw new AppError('REQUIRED_FIELD', 400, 'employerCreditCode');
    await refuseBadEmployerCode(this.db, input.employerCreditCode);
    let casesOpened: NewRegistrationView['casesOpened'] = [];
    const id = await this.inTransaction(async (trx) => {
      await lockCardHolder(trx, person.id);
      const open = await openRegistrationForUpdate(trx, person.id);
      await refuseOverlap(trx, person.id, open, input);
      if (open)
        await this.end(
          trx,
          actor,
          open,
          addDays(input.startsOn, -1),
          input.kind === 'employment' ? 'employed' : 'unemployed',
        );
      const card =
        (await cardNumberOf(trx, person.id)) ?? (await newCardNumber(trx, input.regionCode, this.clock.today()));
      const factId = await recordFact(trx, {
        personId: person.id,
        ...registrationFact(input),
        source: SOURCE,
        recordedBy: actor.accountId,
      });
      const id = await insertRegistration(trx, {
        person_id: person.id,
        kind: input.kind,
        region_code: input.regionCode,
        basis: input.basis,
        community: input.community?.trim() || null,
        starts_on: input.startsOn,
        employment_kind: input.kind === 'employment' ? (input.employmentKind ?? null) : null,
        employer_credit_code: input.kind === 'employment' ? (input.employerCreditCode ?? null) : null,
        card_number: card,
        last_contact_on: input.startsOn,
        fact_id: factId,
        created_by: actor.accountId,
      });
      if (input.kind === 'employment')
        await this.effects.employed(trx, actor, person, input.startsOn, input.employmentKind ?? null);
      else
        casesOpened = await this.effects.unemployed(trx, actor, person, {
          startsOn: input.startsOn,
          regionCode: input.regionCode,
          community: input.community?.trim() || null,
        });
      await appendAudit(trx, this.vault, {
        actor,
        action: `employment-services.${input.kind}-registered`,
        entityType: 'employment_registration',
        entityId: id,
        regionCode: input.regionCode,
        after: { ...input, cardNumber: card },
      });
      return id;
    });
    if (input.kind === 'employment' && input.employmentKind === 'labour-contract' && input.employerCreditCode)
      await this.effects.hiredByUnit?.(actor, {
        personId: person.id,
        employerCreditCode: input.employerCreditCode,
        startsOn: input.startsOn,
        registrationId: id,
      });
    return { ...(await this.view(id)), casesOpened };
  }

  /** Ends an open registration on a day, for a reason (employed, enrolled, moved away …). */
  async endRegistration(actor: Actor, id: string, input: EndInput): Promise<RegistrationView> {
    const found = await findRegistration(this.db, id);
    if (!found || !isInScope(actor.regionCode, found.region_code)) throw new AppError('REGISTRATION_NOT_FOUND', 404);
    if (input.endsOn < found.starts_on)
      throw new AppError('END_BEFORE_START', 400, 'endsOn', { date: found.starts_on });
    if (input.endsOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'endsOn');
    await this.inTransaction(async (trx) => {
      const open = await openRegistrationForUpdate(trx, found.person_id);
      if (open?.id !== id) throw new AppError('REGISTRATION_ENDED', 409);
      await this.end(trx, actor, open, input.endsOn, input.reason);
      const person = await findPerson(trx, open.person_id);
      if (person && open.kind === 'unemployment' && input.reason === 'employed')
        await this.effects.employed(trx, actor, person, addDays(input.endsOn, 1), null);
    });
    return this.view(id);
  }

  /** The person was in touch (a visit, a call): the six months without contact start again. */
  async recordContact(actor: Actor, id: string): Promise<RegistrationView> {
    const found = await findRegistration(this.db, id);
    if (!found || !isInScope(actor.regionCode, found.region_code)) throw new AppError('REGISTRATION_NOT_FOUND', 404);
    if (found.ends_on !== null) throw new AppError('REGISTRATION_ENDED', 409);
    await this.inTransaction((trx) => touchContact(trx, id, this.clock.today()));
    return this.view(id);
  }

  /**
   * Ends every unemployment registration in the caller's regions whose holder has not been in touch
   * for the region's months (连续6个月未联系, a dated parameter), on the day the months ran out.
   */
  async endSilent(actor: Actor): Promise<EndedRegistrations> {
    const today = this.clock.today();
    const months = resolveDated(NO_CONTACT_MONTHS, actor.regionCode, today)?.value ?? 6;
    const silent = await silentSince(this.db, regionRange(actor.regionCode), addMonths(today, -months));
    const ended: string[] = [];
    for (const r of silent) {
      const months = resolveDated(NO_CONTACT_MONTHS, r.region_code, today)?.value ?? 6;
      const endsOn = addMonths(r.last_contact_on, months);
      if (endsOn > today) continue;
      await this.inTransaction(async (trx) => {
        const open = await openRegistrationForUpdate(trx, r.person_id);
        if (open?.id === r.id && open.last_contact_on === r.last_contact_on) {
          await this.end(trx, actor, open, endsOn, 'no-contact');
          ended.push(r.person_id);
        }
      });
    }
    return { ended: ended.length, people: await peopleNamed(this.db, ended) };
  }

  async registrationsOfPerson(actor: Actor, personId: string): Promise<RegistrationView[]> {
    if (actor.personId !== personId) await this.personInScope(actor, personId);
    return (await registrationsOf(this.db, personId)).map(view);
  }

  async openRegistrations(
    actor: Actor,
    kind?: 'employment' | 'unemployment',
  ): Promise<Static<typeof RegistrationList>> {
    const rows = await openInRange(this.db, regionRange(actor.regionCode), kind, 500);
    return { registrations: rows.map((r) => ({ ...view(r), name: r.name, idNumberMasked: r.id_number_masked })) };
  }

  private async end(
    trx: Transaction<Database>,
    actor: Actor,
    open: RegistrationRow,
    endsOn: IsoDate,
    reason: RegistrationEndReason,
  ): Promise<void> {
    const by = {
      recordedBy: actor.accountId,
      source: SOURCE,
      reason: `registration ended: ${reason}`,
      at: this.clock.now(),
    };
    const factId = open.fact_id ? await endFact(trx, open.fact_id, endsOn, by) : null;
    await endRegistration(trx, open.id, {
      ends_on: endsOn,
      end_reason: reason,
      ended_by: actor.accountId,
      fact_id: factId,
    });
    await appendAudit(trx, this.vault, {
      actor,
      action: `employment-services.${open.kind}-ended`,
      entityType: 'employment_registration',
      entityId: open.id,
      regionCode: open.region_code,
      after: { endsOn, reason },
    });
  }

  private async personInScope(actor: Actor, personId: string): Promise<PersonForRegistration> {
    const person = await findPerson(this.db, personId);
    // Staff never register themselves (181号 第二十五条): their own record goes through a colleague.
    if (actor.personId === personId) throw new AppError('SOD_OWN_CLAIM', 403, 'personId');
    if (!person || !isInScope(actor.regionCode, person.region_code))
      throw new AppError('PERSON_NOT_FOUND', 404, 'personId');
    return person;
  }

  /** Two registrations for one person at once: the unique index lets one through; the other is told. */
  private async inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (e.code === '23505' && String(e.message).includes('employment_registration_one_open'))
        throw new AppError('ALREADY_REGISTERED', 409, 'personId');
      throw error;
    }
  }

  private async view(id: string): Promise<RegistrationView> {
    const row = await findRegistration(this.db, id);
    if (!row) throw new AppError('REGISTRATION_NOT_FOUND', 404);
    return view(row);
  }
}

export function view(r: RegistrationRow): RegistrationView {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    regionCode: r.region_code,
    basis: r.basis,
    ...(r.community ? { community: r.community } : {}),
    startsOn: r.starts_on,
    ...(r.ends_on ? { endsOn: r.ends_on } : {}),
    ...(r.end_reason ? { endReason: r.end_reason } : {}),
    ...(r.employment_kind ? { employmentKind: r.employment_kind } : {}),
    ...(r.employer_credit_code ? { employerCreditCode: r.employer_credit_code } : {}),
    cardNumber: r.card_number,
    lastContactOn: r.last_contact_on,
  };
}
