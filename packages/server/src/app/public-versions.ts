import type { Kysely } from 'kysely';
import { latestAuditSeqOf } from '../audit/audit-trail.js';
import { localWriteCount } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { FreshRead } from '../http/fresh-read.js';
import { parameterVersionOf } from '../parameters/parameter-repository.js';

/** What the public lists are kept under (decision 025): the audit trail's newest entry and the settings' version. */
export interface PublicVersions {
  readonly changes: string;
  readonly settings: string;
}

/**
 * Both versions as of each call, in one statement shared by every call waiting at the same time, for
 * the public lists read from the primary. A disclosure page needs both: read apart, each request
 * waited for two reads that ran on their own schedules over two connections, and on PostgreSQL the
 * disclosure list answered half the requests a second it does with one (decision 025's figures).
 * The statement is compiled once: it never changes, and building it was a part of each read.
 */
export function publicVersions(db: Kysely<Database>): () => Promise<PublicVersions> {
  const statement = db
    .selectNoFrom([latestAuditSeqOf(db).as('changes'), parameterVersionOf(db).as('settings')])
    .compile();
  const versions = new FreshRead(async () => {
    const row = (await db.executeQuery(statement)).rows[0];
    return { changes: String(row?.changes ?? 0), settings: row?.settings ?? '0:0' };
  }, localWriteCount(db));
  return () => versions.read();
}
