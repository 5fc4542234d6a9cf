import { describe, expect, it } from 'vitest';
import { draw, uniform, uninspectable, weightOf, type Candidate } from './spot-check-draw.js';

const candidates = (n: number, heavy: number[] = []): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({
    applicationId: `app-${String(i).padStart(3, '0')}`,
    weight: heavy.includes(i) ? 200 : 1,
    excluded: [],
  }));

describe('the spot-check draw (双随机)', () => {
  it('is the same for the same seed and different for another', () => {
    const a = draw('2026-11-23/510104/ab12', candidates(50), ['x', 'y', 'z'], 5);
    expect(draw('2026-11-23/510104/ab12', candidates(50), ['x', 'y', 'z'], 5)).toEqual(a);
    expect(draw('another seed', candidates(50), ['x', 'y', 'z'], 5)).not.toEqual(a);
  });

  it('draws without replacement and never more than there are', () => {
    const d = draw('s', candidates(10), ['x'], 20);
    expect(d).toHaveLength(10);
    expect(new Set(d.map((i) => i.applicationId)).size).toBe(10);
  });

  it('favours heavy candidates: over many seeds, weight 200 is drawn far more often than weight 1', () => {
    let heavy = 0;
    for (let s = 0; s < 200; s++)
      if (draw(`seed-${s}`, candidates(100, [7]), ['x'], 5).some((i) => i.applicationId === 'app-007')) heavy++;
    expect(heavy).toBeGreaterThan(180);
  });

  it('never gives an application to an inspector who acted on it', () => {
    const c: Candidate[] = [{ applicationId: 'a', weight: 1, excluded: ['x', 'y'] }];
    for (let s = 0; s < 50; s++) expect(draw(`s${s}`, c, ['x', 'y', 'z'], 1)[0]?.inspectorId).toBe('z');
  });

  it('sends only an inspector who reaches the claim’s region; one recorded without reach reaches all', () => {
    const c: Candidate[] = [{ applicationId: 'a', weight: 1, excluded: [], regionCode: '510105' }];
    const inspectors = [
      { id: 'county-104', reach: '510104' },
      { id: 'city', reach: '5101' },
      { id: 'county-105', reach: '510105' },
    ];
    const sent = new Set(Array.from({ length: 50 }, (_, s) => draw(`s${s}`, c, inspectors, 1)[0]?.inspectorId));
    expect([...sent].sort()).toEqual(['city', 'county-105']);
    // A draw recorded before reach was: inspectors as bare ids, candidates without a region.
    expect(draw('old', [{ applicationId: 'a', weight: 1, excluded: ['x'] }], ['x', 'y'], 1)[0]?.inspectorId).toBe('y');
    expect(uninspectable(c, [{ id: 'county-104', reach: '510104' }]).map((u) => u.applicationId)).toEqual(['a']);
    expect(uninspectable(c, inspectors)).toEqual([]);
  });

  it('names the candidates every inspector is excluded from, and only those', () => {
    const c: Candidate[] = [
      { applicationId: 'a', weight: 1, excluded: ['x', 'y', 'z'] },
      { applicationId: 'b', weight: 1, excluded: ['x', 'y'] },
      { applicationId: 'c', weight: 1, excluded: [] },
    ];
    expect(uninspectable(c, ['x', 'y', 'z']).map((u) => u.applicationId)).toEqual(['a']);
    expect(uninspectable(c, ['x', 'y']).map((u) => u.applicationId)).toEqual(['a', 'b']);
  });

  it('weighs amount, people and months', () => {
    expect(weightOf(0, 0, 0)).toBe(1);
    expect(weightOf(300_000, 0, 0)).toBe(3);
    expect(weightOf(300_000, 10, 12)).toBe(3 + 50 + 24);
  });

  it('gives uniform numbers strictly inside (0, 1)', () => {
    for (let i = 0; i < 1000; i++) {
      const u = uniform('seed', 'p', i);
      expect(u > 0 && u < 1).toBe(true);
    }
  });
});
