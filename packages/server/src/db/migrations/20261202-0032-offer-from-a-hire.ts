import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An offer (政策找人) may come from a hire, not only from a sweep: when a referral ends in a hire or a
 * unit registers an employment, the hiring unit is offered 一次性吸纳就业补贴 for it if the engine finds
 * it eligible. Such an offer has no sweep (`sweep_job_id` null) and says where it came from
 * (`origin`), the hires it is for (`hires`: person, day, and the referral or registration) and the
 * engine's decision with its articles (`decision`), so the unit and a clerk read why it was made.
 * A sweep's offer keeps its sweep; a hire's has none.
 */
const up = [
  `alter table offer alter column sweep_job_id drop not null`,
  `alter table offer add column origin text not null default 'sweep' check (origin in ('sweep', 'hire'))`,
  `alter table offer add column hires jsonb`,
  `alter table offer add column decision jsonb`,
  `alter table offer add constraint offer_origin_source check (
     (origin = 'sweep' and sweep_job_id is not null and hires is null)
     or (origin = 'hire' and sweep_job_id is null and hires is not null and decision is not null))`,
];

export const m20261202_0032_offer_from_a_hire: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
