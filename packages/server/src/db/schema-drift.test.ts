import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * schema.ts is written by hand for Kysely; the migrations make the real tables. This migrates a
 * fresh database and compares the two, table by table and column by column, including whether a
 * column may be null, so the types cannot drift from what the database holds.
 */
interface Column {
  readonly name: string;
  readonly nullable: boolean;
}

/** Tables and their columns as schema.ts and the table files declare them, read with the TypeScript compiler. */
function declaredTables(): Map<string, Column[]> {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  const paths = [`${folder}schema.ts`, ...readdirSync(`${folder}tables`).map((f) => `${folder}tables/${f}`)];
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const path of paths) {
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true).forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    });
  }
  const columnsOf = (members: ts.NodeArray<ts.TypeElement>): Column[] =>
    members
      .filter(ts.isPropertySignature)
      .map((m) => ({ name: (m.name as ts.Identifier).text, nullable: /\bnull\b/.test(m.type?.getText() ?? '') }));
  const tables = new Map<string, Column[]>();
  for (const member of interfaces.get('Database')?.members.filter(ts.isPropertySignature) ?? []) {
    const type = member.type;
    const name = (member.name as ts.Identifier).text;
    if (type && ts.isTypeLiteralNode(type)) tables.set(name, columnsOf(type.members));
    else if (type && ts.isTypeReferenceNode(type))
      tables.set(name, columnsOf(interfaces.get(type.typeName.getText())?.members ?? ts.factory.createNodeArray()));
  }
  return tables;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('db/schema.ts matches the migrated database', () => {
  it('every table and column, and which columns may be null', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_%'
      order by table_name, ordinal_position`.execute(app.database.db);
    const actual = new Map<string, Column[]>();
    for (const r of rows)
      actual.set(r.table_name, [
        ...(actual.get(r.table_name) ?? []),
        { name: r.column_name, nullable: r.is_nullable === 'YES' },
      ]);
    const declared = declaredTables();
    expect(declared.size).toBeGreaterThan(40);
    const describeAll = (tables: Map<string, Column[]>) =>
      Object.fromEntries(
        [...tables.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, cols]) => [t, cols.map((c) => `${c.name}${c.nullable ? '?' : ''}`).sort()]),
      );
    expect(describeAll(declared)).toEqual(describeAll(actual));
  });
});
