import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { fieldLabel, hasFieldLabel } from './field-labels.js';

type Node = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
  components?: { schemas?: Record<string, unknown> };
}

let app: TestApp;
let doc: Document;
beforeAll(async () => {
  app = await startTestApp();
  doc = app.http.swagger() as unknown as Document;
});
afterAll(() => app.close());

/** Every property name a request can carry: the fields a refusal may name. */
function requestFields(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as Node;
    if (typeof n.$ref === 'string') walk(doc.components?.schemas?.[n.$ref.split('/').pop() ?? '']);
    if (n.properties && typeof n.properties === 'object')
      for (const key of Object.keys(n.properties as Node)) names.add(key);
    for (const value of Object.values(n)) walk(value);
  };
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item)) {
      for (const p of op.parameters ?? []) if (p.in !== 'header' && p.in !== 'cookie') names.add(p.name);
      walk(op.requestBody);
    }
  return names;
}

/** The fields our own code names when it refuses a value (`new AppError(code, status, 'field')`). */
function fieldsNamedInCode(): { file: string; path: string }[] {
  const root = join(import.meta.dirname, '..');
  const found: { file: string; path: string }[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('test-kit')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'[A-Z_]+',\s*\d+,\s*(['`])([^'`]+)\1/g)) {
      // A template's interpolations stand for an index or a list's name; `[0]` and `hires` stand in.
      const path = (m[2] ?? '').replaceAll(/\[\$\{[^}]+\}\]/g, '[0]').replaceAll(/\$\{[^}]+\}/g, 'hires');
      found.push({ file, path });
    }
  }
  return found;
}

describe('a refusal names the field as people call it', () => {
  it('has a label in both languages for every field a request can carry', () => {
    const missing = [...requestFields()].filter((name) => !hasFieldLabel(name));
    expect(missing, 'add these to i18n/field-labels.ts').toEqual([]);
  });

  it('has a label for every field our code names in a refusal', () => {
    const named = fieldsNamedInCode();
    expect(named.length).toBeGreaterThan(50);
    const unlabelled = named.filter(({ path }) => fieldLabel(path, 'zh-CN') === path && !/[^ -~]/.test(path));
    expect(unlabelled, 'add these to i18n/field-labels.ts').toEqual([]);
  });

  it('reads a nested path with its item numbers counted from 1', () => {
    expect(fieldLabel('claim.hires[1].idNumber', 'zh-CN')).toBe('申请内容·吸纳人员名单第2项·身份证号码');
    expect(fieldLabel('claim.hires[1].idNumber', 'en-US')).toBe('claim › hires, item 2 › ID number');
    expect(fieldLabel('regionCode', 'zh-CN')).toBe('地区');
  });

  it('takes a route’s own word for a field before the API-wide one, and the API-wide one for the rest', () => {
    const own = { endsOn: ['结业日期', 'ends on'] } as const;
    expect(fieldLabel('endsOn', 'zh-CN', own)).toBe('结业日期');
    expect(fieldLabel('endsOn', 'en-US', own)).toBe('ends on');
    expect(fieldLabel('endsOn', 'zh-CN')).toBe('结束日期');
    expect(fieldLabel('teachers[0].name', 'zh-CN', own)).toBe(fieldLabel('teachers[0].name', 'zh-CN'));
  });

  it('leaves a path it cannot read whole as it was sent', () => {
    expect(fieldLabel('claim.madeUp', 'zh-CN')).toBe('claim.madeUp');
    expect(fieldLabel('身份证号码', 'en-US')).toBe('身份证号码');
    expect(fieldLabel('', 'zh-CN')).toBe('');
  });

  it('tells the caller which field failed, by its label, over HTTP', async () => {
    const res = await app.http.inject({
      method: 'GET',
      url: '/api/v1/policies?region=abc',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'region' });
    expect(res.json<{ message: string }>().message).toMatch(/^字段 地区 不符合要求/);
  });
});
