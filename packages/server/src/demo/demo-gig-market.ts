import { addDays } from '@huimin/policy';
import type { Actor } from '../auth/actor.js';
import type { LabourSeed } from './demo-labour-market.js';

const GIGS = [
  { title: '小区保洁（日结）', occupationCode: '4-10-01-06', unit: 'day', low: 15_000, high: 20_000 },
  { title: '快递分拣装车（日结）', occupationCode: '4-02-07-08', unit: 'day', low: 18_000, high: 22_000 },
  { title: '宴席帮厨（日结）', occupationCode: '4-03-02-01', unit: 'day', low: 20_000, high: 25_000 },
  { title: '包装贴标（计件）', occupationCode: '6-18-01-01', unit: 'piece', low: 30, high: 50 },
  { title: '展会临时安保（日结）', occupationCode: '4-07-05-01', unit: 'day', low: 16_000, high: 20_000 },
  { title: '居家陪护（日结）', occupationCode: '4-10-01-05', unit: 'day', low: 22_000, high: 28_000 },
] as const;

/**
 * The demo gig station (零工驿站) in 锦江区, run by a demo unit: gigs posted over the last four weeks
 * by the district clerk and published by the city's counter, a dozen people registered as gig
 * workers, and their placements, so the station's figures for the month are there to read. Invented.
 */
export async function seedGigMarket(seed: LabourSeed, clerk: Actor, counter: Actor): Promise<void> {
  const { db, services, today } = seed;
  const { gigs, postings } = services.employment.labourMarket;
  const units = await db
    .selectFrom('organisation')
    .select(['id'])
    .where('category', '=', 'enterprise')
    .where('region_code', '=', '510104')
    .orderBy('credit_code')
    .limit(GIGS.length + 1)
    .execute();
  const operator = units[0];
  if (!operator) return;
  const station = await gigs.createStation(clerk, {
    name: '锦江区春熙路零工驿站',
    regionCode: '510104',
    operatorId: operator.id,
    address: '锦江区春熙路街道办事处一楼',
    openedOn: addDays(today, -180),
  });
  const posted: { id: string; from: string }[] = [];
  for (const [i, g] of GIGS.entries()) {
    const unit = units[(i % (units.length - 1)) + 1] ?? operator;
    const from = addDays(today, -4 * i - 1);
    const gig = await gigs.postGig(clerk, station.id, {
      organisationId: unit.id,
      payUnit: g.unit,
      title: g.title,
      occupationCode: g.occupationCode,
      headcount: 3 + i,
      payMinFen: g.low,
      payMaxFen: g.high,
      regionCode: '510104',
      place: '锦江区春熙路街道',
      requirements: '身体健康，能按时到岗',
      description: '当日结算，驿站对接',
      contact: '驿站 028-86660000',
      validFrom: from,
      validTo: addDays(from, 29),
    });
    await postings.review(counter, gig.posting.id, { publish: true });
    posted.push({ id: gig.posting.id, from });
  }
  const people = await db
    .selectFrom('person')
    .select(['id'])
    .where('region_code', '=', '510104')
    .orderBy('created_at')
    .orderBy('name')
    .limit(12)
    .execute();
  for (const [i, p] of people.entries()) {
    const registeredOn = addDays(today, -2 * i - 1);
    const worker = await gigs.registerWorker(clerk, station.id, {
      personId: p.id,
      skills: ['保洁', '搬运', '帮厨', '叉车'][i % 4] ?? '',
      registeredOn: addDays(registeredOn, -20),
    });
    // Two in three are placed in a gig open on the day.
    if (i % 3 === 2) continue;
    const gig = posted[i % posted.length];
    if (!gig) continue;
    const on = registeredOn < gig.from ? gig.from : registeredOn;
    await gigs.match(clerk, station.id, { postingId: gig.id, workerId: worker.id, matchedOn: on });
  }
}

/**
 * One past live stream (直播带岗) in 锦江区 a week ago, presenting ten of the district's published
 * postings, with its results entered afterwards. Invented.
 */
export async function seedLiveStream(seed: LabourSeed, clerk: Actor): Promise<void> {
  const { db, services, today } = seed;
  const published = await db
    .selectFrom('job_posting')
    .select('id')
    .where('state', '=', 'published')
    .where('region_code', '=', '510104')
    .where('valid_to', '>=', addDays(today, -7))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('gig_posting as g').select('g.posting_id').whereRef('g.posting_id', '=', 'job_posting.id'),
        ),
      ),
    )
    .orderBy('created_at')
    .limit(10)
    .execute();
  if (published.length === 0) return;
  const day = addDays(today, -7);
  const { events } = services.employment.labourMarket;
  const event = await events.create(clerk, {
    kind: 'live-stream',
    title: '“就选锦江”直播带岗 第12期',
    regionCode: '510104',
    base: '锦江区直播带岗基地（春熙路）',
    brand: '就选锦江',
    anchor: '就业服务专员 李老师',
    startsAt: `${day}T19:00:00+08:00`,
    endsAt: `${day}T21:00:00+08:00`,
    postingIds: published.map((p) => p.id),
  });
  await events.enterResults(clerk, event.id, { views: 18_640, cvs: 57, interviews: 23, hires: 9 });
}
