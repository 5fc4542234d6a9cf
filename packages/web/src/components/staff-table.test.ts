import { describe, expect, it } from 'vitest';
import { pinnedFor } from './staff-table.js';

describe('a staff list’s pinned columns', () => {
  const columns = [{ key: 'number', fixed: 'left' }, { key: 'name' }, { key: 'actions', fixed: 'right', width: 120 }];

  it('stay pinned on a wider screen, as wide as their content unless a width is set', () => {
    expect(pinnedFor(columns, false)).toEqual([
      { key: 'number', fixed: 'left', width: 'auto' },
      { key: 'name' },
      { key: 'actions', fixed: 'right', width: 120 },
    ]);
  });

  it('are not pinned on a phone, where they would take the whole width between them', () => {
    expect(pinnedFor(columns, true).map((c) => c.fixed)).toEqual([undefined, undefined, undefined]);
  });
});
