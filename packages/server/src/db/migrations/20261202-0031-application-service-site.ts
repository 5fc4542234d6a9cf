import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 就业创业服务补助 is paid per station, base or event (财社〔2023〕181号 第十二条: 家门口就业服务站、零工驿站,
 * 创业孵化基地, 招聘活动), and one unit may run several. The claim names the one it is for
 * (`claim.service.site`); `service_site` keeps it in the one-live-application key, normalised, with
 * the service's kind (`public-service:春熙路零工驿站`), and '' for every claim that names none, so
 * each station is claimed once per period and every other application keeps the key it had.
 */
const up = [
  `alter table application add column service_site text not null default ''`,
  `create unique index application_one_per_period_and_site on application
     (subsidy_id, coalesce(person_id, organisation_id), period_key, service_site)
     where state not in ('withdrawn', 'not-accepted', 'rejected', 'revoked')`,
  `drop index application_one_per_period`,
];

export const m20261202_0031_application_service_site: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
