import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface RegionView {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  level: string;
}

/** The regions the platform serves (GB/T 2260), province → city → county. */
export class RegionService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<RegionView[]> {
    const rows = await this.db.selectFrom('region').selectAll().orderBy('code').execute();
    return rows.map((r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      parentCode: r.parent_code,
      level: r.level,
    }));
  }
}
