import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Who a training subsidy is paid to. 补贴发放以直补个人为主 (人社部发〔2024〕5号 (十六)), but an item
 * bought from an institution as a whole (项目制培训, 财社〔2023〕181号 第九条) or whose fee the
 * institution advanced (先垫后补) is paid to the institution. The trainee's claim is still the
 * trainee's (the caps count it against them); only the account it is paid into changes.
 */
const up = [
  `alter table training_demand_item add column payee text not null default 'trainee' check (payee in ('trainee', 'institution'))`,
  `alter table application add column payee_organisation_id uuid references organisation (id)`,
];

export const m20261121_0015_training_payee: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
