import { describe, expect, it, vi } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, fundRegion, staff, TestClock } from '../testing/fixtures.js';
import { startTestApp } from '../testing/test-app.js';
import { fileOnline } from '../applications/online-filing.test-kit.js';
import { buildApp } from './build-app.js';
import { jobOptionsFrom } from './background-jobs.js';

describe('background work in its roles (decision 024)', () => {
  it('text messages waiting after an event are sent by a worker’s tick, not by the serve process', async () => {
    const clock = TestClock.at('2026-11-23T10:00:00+08:00');
    const app = await startTestApp({ clock, jobs: { role: 'serve', notificationDispatchSeconds: 1 } });
    try {
      await fundRegion(app, '510104', 100_000_000);
      const clerk = await staff(app, 'clerk', ['clerk'], '510104');
      const counter = await staff(app, 'counter', ['clerk'], '510104');
      const id = idNumber('2004-03-05', 'female', '510104');
      expectOk(
        await clerk.request('POST', '/api/v1/people', {
          idNumber: id,
          name: '短信',
          regionCode: '510104',
          phone: '13900004444',
          facts: [
            { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
            { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
          ],
        }),
        201,
      );
      const person = await applicant(app, {
        kind: 'person',
        idNumber: id,
        name: '短信',
        regionCode: '510104',
        username: 'sms-person',
      });
      const filed = await fileOnline(person, {
        subsidy: 'one-time-job-seeking',
        idempotencyKey: 'sms-dispatch-1',
        submit: true,
      });
      expectOk(filed);
      const { id: applicationId, number } = filed.json<{ id: string; number: string }>();
      expectOk(
        await counter.request('POST', `/api/v1/applications/${applicationId}/transitions`, { action: 'accept' }),
      );
      const sent = async () =>
        (await app.database.db.selectFrom('sms_outbox').select('body').execute()).filter((m) =>
          m.body.includes(number),
        );
      // The serve process has no tick and runs no job: the message waits.
      expect(app.jobs.runs).toEqual([]);
      expect(await sent()).toEqual([]);

      const worker = await buildApp({
        db: app.database.db,
        databaseKind: app.database.kind,
        vault: app.vault,
        clock,
        logger: false,
        jobs: { role: 'worker', pollingIntervalSeconds: 0.5, notificationDispatchSeconds: 1 },
      });
      try {
        await vi.waitFor(async () => expect(await sent()).toHaveLength(1), { timeout: 60_000, interval: 100 });
      } finally {
        await worker.http.close();
      }
      expect((await sent())[0]?.body).toMatch(/已受理/);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('reads the role and the queue’s settings from the environment', () => {
    expect(jobOptionsFrom({})).toEqual({ role: 'all' });
    expect(
      jobOptionsFrom({ HUIMIN_ROLE: 'worker', HUIMIN_JOB_MAINTENANCE_SECONDS: '5', HUIMIN_SWEEP_SLICE_SECONDS: '60' }),
    ).toEqual({ role: 'worker', maintenanceIntervalSeconds: 5, sweep: { expireInSeconds: 60 } });
    expect(() => jobOptionsFrom({ HUIMIN_ROLE: 'web' })).toThrow('HUIMIN_ROLE must be serve, worker or all');
    expect(() => jobOptionsFrom({ HUIMIN_SWEEP_SLICE_SECONDS: '0' })).toThrow('HUIMIN_SWEEP_SLICE_SECONDS');
    expect(jobOptionsFrom({ HUIMIN_SWEEP_PARTS: '4' })).toEqual({ role: 'all', sweep: { parts: 4 } });
    expect(() => jobOptionsFrom({ HUIMIN_SWEEP_PARTS: '1.5' })).toThrow('HUIMIN_SWEEP_PARTS');
  });
});
