import { describe, expect, it } from 'vitest';
import { provenanceOf } from './fact-provenance.js';

/** Where a fact the decision read came from, as staff see it beside the fact. */
describe('a graduation the clerk confirmed at acceptance', () => {
  const confirmedAt = (recordedAt: Date | string) =>
    provenanceOf(
      'person',
      ['graduation'],
      [
        {
          id: 'f1',
          kind: 'graduation',
          data: { date: '2026-06-30', institution: 'university' },
          source: 'declaration',
          provenance: null,
          recorded_at: recordedAt,
        },
      ],
      { declared: [] },
    )[0]?.entries[0]?.source;

  it('names the day in Beijing time: confirmed at 07:30 on 23 November, not the UTC day before', () => {
    expect(confirmedAt(new Date('2026-11-22T23:30:00Z'))?.zh).toBe('申请人申报，2026-11-23 受理时核验证明材料后确认');
    expect(confirmedAt('2026-11-23T07:30:00+08:00')?.en).toBe(
      'Declared; confirmed from evidence at acceptance on 2026-11-23',
    );
  });

  it('the last minute of a day in Beijing is still that day', () => {
    expect(confirmedAt('2026-11-23T15:59:00Z')?.zh).toContain('2026-11-23');
    expect(confirmedAt('2026-11-23T16:00:00Z')?.zh).toContain('2026-11-24');
  });
});
