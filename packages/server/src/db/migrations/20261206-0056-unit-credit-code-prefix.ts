import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The units list finds a unit by the start of its 统一社会信用代码 (`credit_code like 'X%'`). The
 * unique index on the code serves that only where the database's collation is C: on a server set
 * up with a language's collation (en_US.UTF-8, zh_CN.UTF-8), the search read every unit of the
 * caller's regions. An index in byte order serves the prefix under any collation.
 */
const up = [`create index organisation_credit_code_prefix on organisation (credit_code text_pattern_ops)`];

export const m20261206_0056_unit_credit_code_prefix: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
