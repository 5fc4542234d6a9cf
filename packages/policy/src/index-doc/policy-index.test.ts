import { describe, expect, it } from 'vitest';
import { CATALOGUE, TEXT_PARAMETER_LISTS } from '../catalogue.js';
import { TEXT_DURATION_LISTS } from '../parameters/durations.js';
import { policyIndex, repoPath } from './policy-index.js';

const index = policyIndex(CATALOGUE, TEXT_PARAMETER_LISTS, TEXT_DURATION_LISTS);

/** The lines of one article's section. */
function section(heading: string): string[] {
  const lines = index.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
  return start < 0 ? [] : lines.slice(start, end < 0 ? undefined : end);
}

describe('the policy index (docs/policy-index.md)', () => {
  it('is what the code generates — if this fails, run `npm run docs:policy-index` and commit docs/policy-index.md', async () => {
    await expect(index).toMatchFileSnapshot(
      '../../../../docs/policy-index.md',
      'docs/policy-index.md is stale: run `npm run docs:policy-index`',
    );
  });

  it('leads from 川办发〔2024〕34号 （五） to the start-up subsidy, its conditions, amount and durations', () => {
    const rows = section('川办发〔2024〕34号 （五）').join('\n');
    expect(rows).toContain('| scheme | `one-time-startup/sichuan-2024` 一次性创业补贴');
    expect(rows).toMatch(
      /\| condition \| `OPERATED_NORMALLY` .* \| \[subsidies\/one-time-startup\.ts\]\(\.\.\/packages\/policy\/src\/subsidies\/one-time-startup\.ts\) \|/,
    );
    expect(rows).toContain('| parameter | `startup.amount` = 1000000 · 510000 · 2024-07-13 – 2025-12-31');
    expect(rows).toContain(
      '| duration | `startup.operated-months` = 12 · 510000 · 2024-07-13 – 2025-12-31 — applied by `one-time-startup/sichuan-2024` (OPERATED_NORMALLY)',
    );
    expect(rows).toContain('[subsidies/startup-loan-interest.ts]');
  });

  it('names a national duration where a provincial article leaves the figure 按规定', () => {
    const rows = section('财社〔2023〕181号 第十条（二）').join('\n');
    expect(rows).toMatch(
      /`social-insurance-flexible\.graduate-period-months` = 24 · 000000 .*`si-flexible-graduate\/sichuan-2024`/,
    );
  });

  it('lists articles in the order of the text', () => {
    const headings = index.split('\n').filter((l) => l.startsWith('### 财社〔2023〕181号 '));
    expect(headings.slice(0, 5)).toEqual([
      '### 财社〔2023〕181号 第五条',
      '### 财社〔2023〕181号 第五条（一）',
      '### 财社〔2023〕181号 第五条（二）',
      '### 财社〔2023〕181号 第五条（三）',
      '### 财社〔2023〕181号 第六条',
    ]);
  });

  it('points at the sources whether the engine runs from them or from the build', () => {
    expect(repoPath('file:///w/packages/policy/src/subsidies/one-time-startup.ts')).toBe(
      'packages/policy/src/subsidies/one-time-startup.ts',
    );
    expect(repoPath('file:///w/packages/policy/dist/src/subsidies/one-time-startup.js')).toBe(
      'packages/policy/src/subsidies/one-time-startup.ts',
    );
  });
});
