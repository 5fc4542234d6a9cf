import { describe, expect, it } from 'vitest';
import { namePathOf } from './server-field-errors.js';

describe('a refused field’s path as the form names it', () => {
  it('reads names and list items', () => {
    expect(namePathOf('claim.hires[0].idNumber')).toEqual(['claim', 'hires', 0, 'idNumber']);
    expect(namePathOf('username')).toEqual(['username']);
    expect(namePathOf('declarations[1].data.date')).toEqual(['declarations', 1, 'data', 'date']);
  });

  it('is no path for what is not one', () => {
    expect(namePathOf('')).toEqual([]);
    expect(namePathOf('claim..x')).toEqual([]);
  });
});
