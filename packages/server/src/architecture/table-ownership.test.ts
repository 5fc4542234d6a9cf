import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One owner per table: each table is written (insert, update, delete — Kysely or raw SQL) by one
 * module only, the folder under packages/server/src that holds its use cases; any other module
 * calls the owner (a service method or an exported repository function that takes the caller's
 * transaction). Reading is free. The map is written by hand: adding a table means deciding who
 * owns it here, and docs/ARCHITECTURE.md lists the same map.
 */
export const TABLE_OWNERS = {
  region: 'regions',
  parameter_value: 'parameters',
  person: 'registry',
  organisation: 'registry',
  registry_fact: 'registry',
  account: 'accounts',
  password_history: 'accounts',
  session: 'sessions',
  identity_code: 'accounts',
  sms_outbox: 'accounts',
  oidc_login: 'accounts',
  role_exception: 'accounts',
  application: 'applications',
  application_event: 'applications',
  application_evidence: 'applications',
  application_declaration: 'applications',
  application_deferred_material: 'applications',
  audit_entry: 'audit',
  audit_time_order: 'audit',
  audit_actor: 'audit',
  calendar_year: 'calendar',
  fund: 'funds',
  ledger_account: 'funds',
  ledger_transaction: 'funds',
  ledger_entry: 'funds',
  payment_batch: 'payments',
  payment_item: 'payments',
  bank_return: 'payments',
  allocation_publication: 'allocation',
  reference_snapshot: 'risk',
  reference_record: 'risk',
  risk_flag: 'risk',
  spot_check: 'risk',
  spot_check_item: 'risk',
  sweep_job: 'proactive',
  sweep_part: 'proactive',
  offer: 'proactive',
  notification: 'notifications',
  sweep_announcement: 'notifications',
  training_demand_item: 'training',
  training_institution: 'training',
  training_institution_item: 'training',
  training_class: 'training',
  training_enrolment: 'training',
  training_attendance: 'training',
  training_inspection: 'training',
  training_assessment: 'training',
  training_certificate: 'training',
  employment_registration: 'employment-services',
  hardship_certification: 'employment-services',
  case_worker_area: 'employment-services',
  assistance_case: 'employment-services',
  assistance_contact: 'employment-services',
  job_posting: 'employment-services',
  job_seeker: 'employment-services',
  job_referral: 'employment-services',
  gig_station: 'employment-services',
  gig_posting: 'employment-services',
  gig_worker: 'employment-services',
  gig_match: 'employment-services',
  recruitment_event: 'employment-services',
  recruitment_event_posting: 'employment-services',
  recruitment_cv: 'employment-services',
  loan_institution: 'loans',
  loan: 'loans',
  loan_instalment: 'loans',
  loan_statement: 'loans',
  loan_period: 'loans',
  loan_compensation: 'loans',
  loan_award: 'loans',
} as const satisfies Record<string, string>;

/**
 * Folders not held to the map, each for a reason:
 * - `db/migrations`: the schema's own history (tables, triggers, reference rows), frozen by
 *   checksum once merged; it runs before any module exists.
 * - `demo`: seeds a demonstration city in bulk — regions, people, accounts, facts — rows a fresh
 *   database has no owner's use case for (regions come only from seed data) or that would take a
 *   whole workflow each; it runs on an empty database at set-up, never while the server serves.
 * - `bench`: seeds 100,000 approved, committed applications in a few statements, so the figures
 *   measure the payment stages and not the set-up; the stages themselves call the owners.
 * - `testing`: fixtures for tests (an account with given roles), like the tests themselves, which
 *   are not scanned either.
 */
export const EXEMPT = ['db/migrations/', 'demo/', 'bench/', 'testing/'] as const;

export interface Write {
  readonly file: string;
  readonly line: number;
  readonly table: string;
  readonly how: string;
}

const KYSELY_WRITE =
  /\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"`]([A-Za-z_][\w.]*)(?:\s+as\s+\w+)?['"`]/g;
const SQL_WRITE = /\b(insert\s+into|update|delete\s+from|merge\s+into)\s+(?:only\s+)?([A-Za-z_][\w.]*)/gi;
/** Words that follow `update` in SQL without being a table written: `on conflict … do update set`. */
const NOT_A_TABLE = new Set(['set']);

/** The bodies of tagged `sql` templates (`sql\`…\``, `sql<T>\`…\``), with `${…}` left out. */
function sqlTemplates(text: string): { body: string; offset: number }[] {
  const found: { body: string; offset: number }[] = [];
  const tag = /\bsql(?:<[^`]*?>)?`/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    let i = m.index + m[0].length;
    let body = '';
    const start = i;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') {
        body += text.slice(i, i + 2);
        i += 2;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        // Skip the expression, nested braces and templates included; keep a space in its place.
        let depth = 1;
        i += 2;
        while (i < text.length && depth > 0) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          else if (text[i] === '`') {
            i++;
            while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
          }
          i++;
        }
        body += ' ';
      } else {
        body += text[i];
        i++;
      }
    }
    found.push({ body, offset: start });
    tag.lastIndex = i + 1;
  }
  return found;
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
const bareTable = (name: string) => name.replace(/^public\./, '').toLowerCase();

/** Every table write in one file's text: Kysely builder calls, and statements in `sql` templates. */
export function writesIn(file: string, text: string): Write[] {
  const writes: Write[] = [];
  for (const m of text.matchAll(KYSELY_WRITE))
    writes.push({ file, line: lineAt(text, m.index), table: bareTable(m[2] ?? ''), how: m[1] ?? '' });
  for (const t of sqlTemplates(text)) {
    for (const m of t.body.matchAll(SQL_WRITE)) {
      const table = bareTable(m[2] ?? '');
      if (NOT_A_TABLE.has(table)) continue;
      writes.push({
        file,
        line: lineAt(text, t.offset) + (t.body.slice(0, m.index).split('\n').length - 1),
        table,
        how: (m[1] ?? '').toLowerCase().replace(/\s+/g, ' '),
      });
    }
  }
  return writes;
}

/** The module a file belongs to: its first folder under src (files at the top: `(root)`). */
export const moduleOf = (file: string) => (file.includes('/') ? (file.split('/')[0] ?? '') : '(root)');

/** A write by a module that does not own the table, or to a table the map does not know. */
export function violations(
  writes: readonly Write[],
  owners: Readonly<Record<string, string>> = TABLE_OWNERS,
): string[] {
  return writes.flatMap((w) => {
    const owner = owners[w.table];
    if (!owner) return [`${w.file}:${w.line} writes ${w.table} (${w.how}), a table with no owner in TABLE_OWNERS`];
    const by = moduleOf(w.file);
    return by === owner
      ? []
      : [`${w.file}:${w.line} writes ${w.table} (${w.how}) from ${by}; ${w.table} is owned by ${owner}: call it`];
  });
}

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.test-kit.ts') &&
      !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

describe('table ownership', () => {
  it('names an owner for every table of the Database interface, and no other', () => {
    const schema = readFileSync(join(SRC, 'db/schema.ts'), 'utf8');
    const body = /export interface Database \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
    const tables = [...body.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(30);
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual([...tables].sort());
  });

  it("every write under packages/server/src comes from the table's owner", () => {
    const files = sourceFiles(SRC)
      .map((path) => relative(SRC, path).split(sep).join('/'))
      .filter((file) => !EXEMPT.some((prefix) => file.startsWith(prefix)));
    const writes = files.flatMap((file) => writesIn(file, readFileSync(join(SRC, file), 'utf8')));
    // The scanner sees the code it must see: a write of each kind is found somewhere.
    expect(writes.some((w) => w.how === 'insertInto')).toBe(true);
    expect(writes.some((w) => w.how === 'insert into' && w.table === 'ledger_transaction')).toBe(true);
    expect(violations(writes)).toEqual([]);
  });

  it('fails on a write from another module, naming file, table and owner (Kysely, alias, raw SQL)', () => {
    const foreign = [
      "await trx.updateTable('application as a').set({ state: 'paid' }).where('a.id', '=', id).execute();",
      "await db.deleteFrom(\"session\").where('account_id', '=', id).execute();",
      'const r = await sql<{ id: string }>`',
      '  insert into ledger_transaction (kind, memo) select ${kind}, ${`x${y}`} from application a',
      '  returning id`.execute(trx);',
      'await sql`update public.ledger_entry as e set amount_fen = 0`.execute(trx);',
      "await trx.insertInto('payment_item').values(items).onConflict((oc) => oc.doUpdateSet({ state: 'paid' })).execute();",
      'await sql`insert into offer (id) values (1) on conflict (id) do update set id = 1`.execute(trx);',
      "await trx.insertInto('no_such_table').values({}).execute();",
    ].join('\n');
    expect(violations(writesIn('payments/rogue.ts', foreign))).toEqual([
      'payments/rogue.ts:1 writes application (updateTable) from payments; application is owned by applications: call it',
      'payments/rogue.ts:2 writes session (deleteFrom) from payments; session is owned by sessions: call it',
      'payments/rogue.ts:9 writes no_such_table (insertInto), a table with no owner in TABLE_OWNERS',
      'payments/rogue.ts:4 writes ledger_transaction (insert into) from payments; ledger_transaction is owned by funds: call it',
      'payments/rogue.ts:6 writes ledger_entry (update) from payments; ledger_entry is owned by funds: call it',
      'payments/rogue.ts:8 writes offer (insert into) from payments; offer is owned by proactive: call it',
    ]);
    // The same text in the owner's folder passes for the tables it owns.
    expect(
      violations(
        writesIn('funds/ledger.ts', 'await sql`insert into ledger_transaction (kind) values (1)`.execute(trx);'),
      ),
    ).toEqual([]);
    expect(moduleOf('main.ts')).toBe('(root)');
  });
});
