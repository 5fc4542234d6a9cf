import type { IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { latestEntriesOfMany, type ListedStatus, type ListedStatusRecord } from '../../risk/reference-queries.js';
import type { HardshipCategory } from '../employment-services-parameters.js';

export type ListDataset = 'social-assistance' | 'poverty-monitoring';

/**
 * The categories of 就业困难人员 a loaded list decides: 低保家庭 (民政 社会救助对象), 脱贫人口 and
 * 防止返贫监测对象 (乡村振兴 防返贫监测信息). Each category is the list's status of the same name.
 */
const LISTED_CATEGORIES: Partial<Record<HardshipCategory, { dataset: ListDataset; status: ListedStatus }>> = {
  'dibao-household': { dataset: 'social-assistance', status: 'dibao-household' },
  'poverty-monitoring': { dataset: 'poverty-monitoring', status: 'poverty-monitoring' },
  'poverty-alleviated': { dataset: 'poverty-monitoring', status: 'poverty-alleviated' },
};

/** What the latest list serving the person's region says of their category on a day. */
export interface CategoryListCheck {
  readonly dataset: ListDataset;
  readonly snapshotId: string;
  readonly takenOn: IsoDate;
  readonly on: IsoDate;
  /** The list holds the person in the category, from a day on or before `on`, to none or one after it. */
  readonly holds: boolean;
  /** The days the list gives the status, when it lists the person in the category at all. */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface CategorySubject {
  readonly hmac: string;
  readonly regionCode: string;
  readonly category: string;
}

/**
 * 免证办 for the certification (财社〔2023〕181号 第二十三条): the category is looked up in the list
 * that holds it, for many filings at once (two queries). A category no list holds, or a list not
 * loaded for the region, gives no check: then the evidence decides, as before. A person listed
 * twice in the category (left and came back) is held if either stretch covers the day.
 */
export async function checkCategoriesOnLists(
  db: Kysely<Database> | Transaction<Database>,
  subjects: readonly CategorySubject[],
  on: IsoDate,
): Promise<(CategoryListCheck | undefined)[]> {
  const listed = subjects.filter((s) => LISTED_CATEGORIES[s.category as HardshipCategory]);
  const datasets = [...new Set(listed.map((s) => LISTED_CATEGORIES[s.category as HardshipCategory]!.dataset))];
  const found = await latestEntriesOfMany<ListedStatusRecord>(db, datasets, listed);
  return subjects.map((s) => {
    const list = LISTED_CATEGORIES[s.category as HardshipCategory];
    const entry = list && found.get(s.hmac)?.get(list.dataset);
    if (!list || !entry) return undefined;
    const stretches = (entry.data?.statuses ?? []).filter((x) => x.kind === list.status);
    const covering = stretches.find((x) => x.from <= on && (!x.to || x.to >= on));
    const shown = covering ?? stretches.at(-1);
    return {
      dataset: list.dataset,
      snapshotId: entry.snapshotId,
      takenOn: entry.takenOn,
      on,
      holds: covering !== undefined,
      ...(shown ? { from: shown.from, ...(shown.to ? { to: shown.to } : {}) } : {}),
    };
  });
}

/** One person's check (`checkCategoriesOnLists` for a single filing). */
export async function checkCategoryOnList(
  db: Kysely<Database> | Transaction<Database>,
  subject: CategorySubject,
  on: IsoDate,
): Promise<CategoryListCheck | undefined> {
  return (await checkCategoriesOnLists(db, [subject], on))[0];
}

/** The check as staff and the person see it: which list, of which day, and what it says. */
export function listCheckView(check: CategoryListCheck): Omit<CategoryListCheck, 'snapshotId'> {
  const { snapshotId: _kept, ...shown } = check;
  return shown;
}
