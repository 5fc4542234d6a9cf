import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built command as a user would (`npm test` builds before the suites run).
const bin = fileURLToPath(new URL('../../bin/huimin.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

function requestFile(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'huimin-cli-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('huimin policy', () => {
  it('list shows which subsidies are in force for a region on a date', () => {
    const out = execFileSync(process.execPath, [bin, 'policy', 'list', '--region', '621000', '--date', '2024-09-01'], {
      encoding: 'utf8',
    });
    expect(out).toContain('● 一次性创业补贴 [one-time-startup] — 施行中');
    expect(out).toMatch(/○ 一次性扩岗补助 \[one-time-expansion\] — 该政策已于2023-12-31到期/);
  });

  it('list --json gives the listing as data', () => {
    const out = run('policy', 'list', '--region', '520000', '--date', '2024-09-01', '--json');
    expect(JSON.parse(out.stdout)).toMatchObject({ region: '520000', date: '2024-09-01' });
  });

  it('eval decides from a JSON file, with reasons and citations', () => {
    const file = requestFile({
      subsidy: 'one-time-job-seeking',
      region: '510104',
      date: '2025-03-01',
      applicant: {
        kind: 'person',
        idNumber: '11010519491231002X',
        graduation: { date: '2025-06-30', institution: 'university' },
        statuses: [{ kind: 'tekun', from: '2020-01-01' }],
      },
    });
    const out = run('policy', 'eval', file, '--lang', 'en');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('ELIGIBLE, ¥1,500.00');
    expect(out.stdout).toContain('川办发〔2024〕34号 （十四）');
  });

  it('eval refuses bad facts naming the field, with exit code 2', () => {
    const file = requestFile({ region: '510104', applicant: { kind: 'person', idNumber: '110105194912310021' } });
    const out = run('policy', 'eval', file);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('applicant.idNumber: 身份证号码校验码错误');
  });

  it('refuses an impossible date argument', () => {
    const out = run('policy', 'list', '--region', '510000', '--date', '2024-02-30');
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('YYYY-MM-DD');
  });
});
