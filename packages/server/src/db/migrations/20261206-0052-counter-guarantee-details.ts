import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A guarantee given on a counter-guarantee (反担保) records what the counter-guarantee is: a
 * guarantor (保证), a mortgage (抵押) or a pledge (质押), and what it is in words (who vouches,
 * which property). Until now the loan held only that one was asked, so a bank contracting the loan
 * and an auditor reading it later could not tell what secured it.
 *
 * Loans guaranteed before this say only that a counter-guarantee was asked: what it was was never
 * recorded and is not guessed. A counter-guarantee is described in full or not at all, and only on
 * a loan guaranteed on one (never where it was waived, nor before a guarantee is given).
 */
const up = [
  `alter table loan add column counter_guarantee_kind text
     check (counter_guarantee_kind in ('guarantor', 'mortgage', 'pledge'))`,
  `alter table loan add column counter_guarantee_note text`,
  `alter table loan add constraint loan_counter_guarantee_described
     check ((counter_guarantee_kind is null) = (counter_guarantee_note is null))`,
  `alter table loan add constraint loan_counter_guarantee_not_waived
     check (counter_guarantee_kind is null or counter_guarantee_waived is false)`,
];

export const m20261206_0052_counter_guarantee_details: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
