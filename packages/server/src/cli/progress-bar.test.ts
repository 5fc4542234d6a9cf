import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-bar.js';

describe('the progress line', () => {
  it('shows the share done, the rate and the time left', () => {
    expect(progressLine('people', 250_000, 1_000_000, 10_000, 20)).toBe(
      'people [#####---------------]  25%  250,000/1,000,000  25,000/s  ~30s',
    );
  });
  it('counts minutes past a minute and never runs past the end', () => {
    expect(progressLine('units', 100, 10_000, 10_000, 10)).toBe('units [----------]   1%  100/10,000  10/s  ~16m30s');
    expect(progressLine('units', 12, 10, 1_000, 10)).toBe('units [##########] 100%  12/10  12/s');
  });
  it('an empty job is complete at once', () => {
    expect(progressLine('filing', 0, 0, 0, 4)).toBe('filing [####] 100%  0/0  0/s');
  });
});
