import { describe, expect, it } from 'vitest';
import { isoInstant } from './json-rows.js';

describe('a timestamp read inside a JSON aggregate', () => {
  it('reads PostgreSQL’s text with its offset as the same instant a Date would be', () => {
    expect(isoInstant('2026-11-23T10:00:00.123456+08:00')).toBe('2026-11-23T02:00:00.123Z');
    expect(isoInstant(new Date('2026-11-23T02:00:00.123Z'))).toBe('2026-11-23T02:00:00.123Z');
  });
});
