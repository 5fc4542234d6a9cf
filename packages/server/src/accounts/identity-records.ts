import type { Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { AccountTable, Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { isInScope } from '../regions/region-scope.js';
import { idNumberLookup, prepareOrganisation, preparePerson } from '../registry/registry-input.js';
import { insertOrganisation, insertPerson } from '../registry/registry-repository.js';
import type { Vault } from '../security/vault.js';
import { endSessions } from '../sessions/session-service.js';
import { hasRole } from './account-service.js';
import type { IssueActivationCode } from './identity.schemas.js';

// The records real-name binding works on: whose record it is, finding or registering it, binding it.

export type Account = Selectable<AccountTable>;
export type Subject = { kind: 'person'; id: string } | { kind: 'organisation'; id: string };

/** Whether the record is the one the account registered as. */
export async function claimsRecord(trx: Transaction<Database>, account: Account, subject: Subject): Promise<boolean> {
  if (subject.kind !== account.claimed_kind) return false;
  const row =
    subject.kind === 'person'
      ? await trx.selectFrom('person').select('id_number_hmac as key').where('id', '=', subject.id).executeTakeFirst()
      : await trx
          .selectFrom('organisation')
          .select('credit_code as key')
          .where('id', '=', subject.id)
          .executeTakeFirst();
  return row?.key === account.claimed_subject_hmac;
}

export async function findOrRegister(
  trx: Transaction<Database>,
  vault: Vault,
  actor: Actor,
  input: IssueActivationCode,
  how = { trusted: false },
): Promise<Subject> {
  const name = input.name.trim();
  if (input.kind === 'person') {
    const hmac = idNumberLookup(vault, input.idNumber ?? '', 'idNumber');
    const found = await trx
      .selectFrom('person')
      .select(['id', 'name', 'region_code'])
      .where('id_number_hmac', '=', hmac)
      .executeTakeFirst();
    if (found) {
      if (!how.trusted && !isInScope(actor.regionCode, found.region_code))
        throw new AppError('PERSON_NOT_FOUND', 404, 'idNumber');
      if (found.name !== name) throw new AppError('NAME_MISMATCH', 422, 'name');
      return { kind: 'person', id: found.id };
    }
    const prepared = preparePerson(vault, { idNumber: input.idNumber ?? '', name, regionCode: input.regionCode });
    return { kind: 'person', id: await insertPerson(trx, prepared, how.trusted ? null : actor.accountId, 'manual') };
  }
  const prepared = prepareOrganisation({
    creditCode: input.creditCode ?? '',
    name,
    category: input.category ?? 'enterprise',
    regionCode: input.regionCode,
  });
  const found = await trx
    .selectFrom('organisation')
    .select(['id', 'name', 'region_code'])
    .where('credit_code', '=', prepared.row.credit_code)
    .executeTakeFirst();
  if (found) {
    if (!how.trusted && !isInScope(actor.regionCode, found.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'creditCode');
    if (found.name !== name) throw new AppError('NAME_MISMATCH', 422, 'name');
    return { kind: 'organisation', id: found.id };
  }
  if (!input.category) throw new AppError('REQUIRED_FIELD', 400, 'category', { field: 'category' });
  return {
    kind: 'organisation',
    id: await insertOrganisation(trx, prepared, how.trusted ? null : actor.accountId, 'manual'),
  };
}

export async function bindTo(
  trx: Transaction<Database>,
  vault: Vault,
  now: Date,
  actor: Actor,
  account: Account,
  subject: Subject,
  via: 'sms' | 'counter' | 'oidc',
  rebindReason: string | null,
): Promise<void> {
  const column = subject.kind === 'person' ? 'person_id' : 'organisation_id';
  const holder = await trx
    .selectFrom('account')
    .select(['id', 'region_code'])
    .where(column, '=', subject.id)
    .where(hasRole('applicant'))
    .executeTakeFirst();
  if (holder) {
    if (!rebindReason) throw new AppError('SUBJECT_ALREADY_BOUND', 409, 'verificationCode');
    await trx
      .updateTable('account')
      .set({ person_id: null, organisation_id: null, bound_at: null, bound_via: null })
      .where('id', '=', holder.id)
      .execute();
    await endSessions(trx, holder.id, now);
    await appendAudit(trx, vault, {
      actor,
      action: 'identity.unbound',
      entityType: 'account',
      entityId: holder.id,
      regionCode: holder.region_code,
      after: { [column]: subject.id, reason: rebindReason, movedTo: account.id },
    });
  }
  const record =
    subject.kind === 'person'
      ? await trx
          .selectFrom('person')
          .select(['name', 'region_code'])
          .where('id', '=', subject.id)
          .executeTakeFirstOrThrow()
      : await trx
          .selectFrom('organisation')
          .select(['name', 'region_code'])
          .where('id', '=', subject.id)
          .executeTakeFirstOrThrow();
  await trx
    .updateTable('account')
    .set({
      [column]: subject.id,
      region_code: record.region_code,
      display_name: record.name,
      bound_at: now,
      bound_via: via,
      bind_failures: 0,
      bind_failed_at: null,
    })
    .where('id', '=', account.id)
    .execute();
  await appendAudit(trx, vault, {
    actor,
    action: 'identity.bound',
    entityType: 'account',
    entityId: account.id,
    regionCode: record.region_code,
    after: { [column]: subject.id, via },
  });
}

/** Two accounts binding one record at once: the unique index lets one win; the other is told so. */
export async function withUniqueBinding<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (
      (error as { code?: string }).code === '23505' &&
      /account_bound_/.test(
        String((error as { constraint?: string; message?: string }).constraint ?? (error as Error).message),
      )
    ) {
      throw new AppError('SUBJECT_ALREADY_BOUND', 409, 'verificationCode');
    }
    throw error;
  }
}
