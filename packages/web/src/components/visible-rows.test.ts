import { describe, expect, it } from 'vitest';
import { visibleRows, type FilteringColumn } from './visible-rows.js';

interface Batch {
  number: string;
  state: string;
  totalFen: number;
}
const ROWS: Batch[] = [
  { number: 'PB-1', state: 'open', totalFen: 300 },
  { number: 'PB-2', state: 'reconciled', totalFen: 100 },
  { number: 'PB-3', state: 'open', totalFen: 200 },
];
const COLUMNS: FilteringColumn<Batch>[] = [{ key: 'state', onFilter: (v, r) => r.state === v }, { key: 'total' }];
const byTotal = (a: Batch, b: Batch) => a.totalFen - b.totalFen;

describe('the rows a staff list exports are the rows it shows', () => {
  it('leaves what the header filters leave', () => {
    const shown = visibleRows(ROWS, COLUMNS, { filters: { state: ['open'] }, sorter: {} });
    expect(shown.map((r) => r.number)).toEqual(['PB-1', 'PB-3']);
  });

  it('sorts as the table sorts, either way', () => {
    const state = (order: 'ascend' | 'descend') => ({
      filters: { state: ['open'] },
      sorter: { columnKey: 'total', order, column: { sorter: byTotal } },
    });
    expect(visibleRows(ROWS, COLUMNS, state('ascend')).map((r) => r.number)).toEqual(['PB-3', 'PB-1']);
    expect(visibleRows(ROWS, COLUMNS, state('descend')).map((r) => r.number)).toEqual(['PB-1', 'PB-3']);
  });

  it('shows every row, in the order received, when nothing is chosen', () => {
    expect(visibleRows(ROWS, COLUMNS, { filters: { state: null }, sorter: {} })).toEqual(ROWS);
  });
});
