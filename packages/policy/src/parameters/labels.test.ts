import { describe, expect, it } from 'vitest';
import { CATALOGUE, PARAMETER_LABELS, TEXT_PARAMETER_LISTS, TEXT_PARAMETERS } from '../catalogue.js';
import { labelIndex, type ParameterList } from '../core/parameters.js';
import { TEXT_DURATION_LISTS, TEXT_DURATIONS } from './durations.js';

const HAN = /\p{Script=Han}/u;

describe('parameter labels: what a person reads instead of an id', () => {
  it('every parameter a scheme reads or a text states has a label in both languages and a unit', () => {
    const ids = new Set([
      ...CATALOGUE.flatMap((s) => s.schemes.flatMap((scheme) => scheme.parameters)),
      ...TEXT_PARAMETERS.map((v) => v.parameter),
      ...TEXT_DURATIONS.values.map((v) => v.parameter),
    ]);
    const missing = [...ids].filter((id) => !PARAMETER_LABELS[id]);
    expect(missing).toEqual([]);
    for (const [id, label] of Object.entries(PARAMETER_LABELS)) {
      expect(label.zh, id).toMatch(HAN);
      expect(label.en, id).not.toMatch(HAN);
      expect(label.zh, id).not.toContain(id);
      expect(label.en, id).not.toContain(id);
    }
  });

  it('each file labels the values it states, and each value carries its label', () => {
    for (const list of [...TEXT_PARAMETER_LISTS, ...TEXT_DURATION_LISTS]) {
      for (const v of list.values) expect(list.labels[v.parameter], `${list.source} ${v.parameter}`).toBeDefined();
    }
    for (const v of [...TEXT_PARAMETERS, ...TEXT_DURATIONS.values]) expect(v.label, v.parameter).toBeDefined();
  });

  it('durations are counted in months or years, amounts of money in fen', () => {
    for (const v of TEXT_DURATIONS.values) expect(['months', 'years']).toContain(v.label?.unit);
    expect(PARAMETER_LABELS['job-seeking.amount']?.unit).toBe('fen');
    expect(PARAMETER_LABELS['startup-loan.interest-share-permille']?.unit).toBe('permille');
  });

  it('an id labelled twice differently is refused', () => {
    const a: ParameterList = { source: 'a', labels: { x: { zh: '甲', en: 'A', unit: 'fen' } }, values: [] };
    const b: ParameterList = { source: 'b', labels: { x: { zh: '甲', en: 'A', unit: 'count' } }, values: [] };
    expect(() => labelIndex([a, a])).not.toThrow();
    expect(() => labelIndex([a, b])).toThrow(/labelled twice/);
  });
});
