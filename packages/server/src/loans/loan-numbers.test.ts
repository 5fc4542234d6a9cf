import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { borrower, parties, type Parties } from './loans.test-kit.js';

// A loan's number counts its region's year (DB510104-2025-00001 …): drawn under a lock, so people
// applying at the same moment never collide, and a collision is never told as "you have a loan".
const clock = TestClock.at('2025-06-10T10:00:00+08:00');
let app: TestApp;
let sichuan: Parties;

beforeAll(async () => {
  app = await startTestApp({ clock });
  const clerk: Client = await staff(app, 'number-clerk', ['clerk'], '510104');
  sichuan = await parties(app, clerk, '510104');
}, 120_000);
afterAll(() => app.close());

describe('loan numbers', () => {
  it('twelve borrowers applying at once each get a loan and a number of their own', async () => {
    const people: Client[] = [];
    for (let i = 0; i < 12; i++) people.push(await borrower(app, '510104'));
    const answers = await Promise.all(
      people.map((c) =>
        c.request('POST', '/api/v1/loans', {
          borrower: 'individual',
          requestedFen: 1_000_000,
          termMonths: 36,
          purpose: '开办小店',
          bankId: sichuan.bankId,
          guarantorId: sichuan.guarantorId,
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = answers.map((r) => r.json<{ number: string }>().number).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `DB510104-2025-${String(i + 1).padStart(5, '0')}`));
  }, 120_000);
});
