import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The references of the append-only rows that reconciliation writes in bulk — ledger transactions
 * and entries, application events, notifications — are checked once per statement instead of once
 * per row (decision 006, issue 21). A foreign key runs one lookup of its parent per inserted row;
 * a paid row made twelve of them, nearly half of settlement's statement time. Here an AFTER
 * INSERT trigger per statement reads the statement's new rows (its transition table) and refuses
 * the statement, with the foreign-key error code 23503, if any reference has no parent: one pass
 * per statement over the rows, each parent found by its primary key.
 *
 * A foreign key also guards the other side: a referenced parent cannot be deleted, re-keyed or
 * truncated. The parents here (application, account, person, organisation, fund, region, ledger
 * account, ledger transaction) are never deleted or re-keyed by the code, so the replacement
 * refuses that outright, referenced or not — stronger than the key it replaces, not weaker. With
 * parents that cannot go, the race a foreign key's KEY SHARE lock prevents (a concurrent delete of
 * the parent between the check and the commit) cannot happen, so the check needs no lock.
 *
 * The children themselves are append-only (ledger and events by trigger since 0002/0003) or, for
 * notifications, updated only in their read and text-message columns; a change of a reference
 * column is refused too, so a reference is checked once, when the row is written, and stays true.
 *
 * `offset 0` keeps each parent lookup a probe of its primary key per new row whatever the
 * planner's estimates (the embedded database has no statistics), not a scan of the parent table.
 */
const referenceChecks: readonly { child: string; references: readonly [column: string, parent: string, key: string][] }[] = [
  {
    child: 'ledger_transaction',
    references: [
      ['fund_id', 'fund', 'id'],
      ['region_code', 'region', 'code'],
      ['application_id', 'application', 'id'],
      ['actor_id', 'account', 'id'],
    ],
  },
  {
    child: 'ledger_entry',
    references: [
      ['transaction_id', 'ledger_transaction', 'id'],
      ['account_id', 'ledger_account', 'id'],
    ],
  },
  {
    child: 'application_event',
    references: [
      ['application_id', 'application', 'id'],
      ['actor_id', 'account', 'id'],
    ],
  },
  {
    child: 'notification',
    references: [
      ['application_id', 'application', 'id'],
      ['person_id', 'person', 'id'],
      ['organisation_id', 'organisation', 'id'],
    ],
  },
];

/**
 * Every parent above, by its key; each is guarded against delete, re-key and truncate. Ledger
 * transactions already refuse any update or delete (0003), so they get the truncate guard only.
 */
const parents: readonly [table: string, key: string][] = [
  ['application', 'id'],
  ['account', 'id'],
  ['person', 'id'],
  ['organisation', 'id'],
  ['fund', 'id'],
  ['region', 'code'],
  ['ledger_account', 'id'],
];

function checkFunction(child: string, references: readonly [string, string, string][]): string[] {
  const checks = references.map(
    ([column, parent, key]) => `
     select n.${column}::text into missing from new_rows n
      where n.${column} is not null
        and not exists (select 1 from ${parent} p where p.${key} = n.${column} offset 0)
      limit 1;
     if found then
       raise exception 'insert on table "${child}" violates its reference to "${parent}": ${column} % is not in "${parent}"', missing
         using errcode = '23503', table = '${child}', column = '${column}';
     end if;`,
  );
  return [
    `create function ${child}_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
    `create trigger ${child}_references_exist after insert on ${child}
     referencing new table as new_rows for each statement execute function ${child}_references_exist()`,
    ...references.map(([column]) => `alter table ${child} drop constraint ${child}_${column}_fkey`),
    // Only notification is ever updated; the others refuse any update already.
    `create trigger ${child}_references_unchanged before update of ${references.map(([c]) => c).join(', ')} on ${child}
     for each row when (${references.map(([c]) => `old.${c} is distinct from new.${c}`).join(' or ')})
     execute function referenced_row_is_permanent()`,
  ];
}

const up = [
  `create function referenced_row_is_permanent() returns trigger language plpgsql as $$
   begin
     raise exception '% on table "%" refused: its rows are referenced and are never deleted or re-keyed', tg_op, tg_table_name
       using errcode = '23503', table = tg_table_name;
   end $$`,
  ...parents.flatMap(([table, key]) => [
    `create trigger ${table}_never_deleted before delete on ${table} for each row execute function referenced_row_is_permanent()`,
    `create trigger ${table}_key_unchanged before update of ${key} on ${table}
     for each row when (old.${key} is distinct from new.${key}) execute function referenced_row_is_permanent()`,
    `create trigger ${table}_never_truncated before truncate on ${table} for each statement execute function referenced_row_is_permanent()`,
  ]),
  `create trigger ledger_transaction_never_truncated before truncate on ledger_transaction
     for each statement execute function referenced_row_is_permanent()`,
  ...referenceChecks.flatMap(({ child, references }) => checkFunction(child, references)),
];

export const m20261203_0043_references_checked_per_statement: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
