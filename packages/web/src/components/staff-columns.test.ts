import { describe, expect, it } from 'vitest';
import { sheetOf, staffColumns, YUAN_FORMAT } from './staff-columns.js';

interface Batch {
  number: string;
  state: string;
  totalFen: number | null;
  items: number;
  createdOn: string;
}
const ROWS: Batch[] = [
  { number: 'PB-1', state: 'open', totalFen: 30_000, items: 3, createdOn: '2026-11-02' },
  { number: 'PB-2', state: 'reconciled', totalFen: 87_166, items: 12, createdOn: '2026-10-30' },
  { number: 'PB-3', state: 'open', totalFen: null, items: 0, createdOn: '2026-11-01' },
];
const STATES: Record<string, string> = { open: '待导出', reconciled: '已对账' };
const render = (c: ReturnType<typeof columnsIn>[number], row: Batch) =>
  (c.render as (dom: unknown, row: Batch) => unknown)(null, row);

function columnsIn(language: string, yuan: string) {
  const col = staffColumns<Batch>(language, yuan);
  return [
    col.text('批次号', 'number', (b) => b.number, { sorted: true }),
    col.choice(
      '状态',
      'state',
      ROWS,
      (b) => b.state,
      (s) => STATES[s] ?? '',
    ),
    col.count('笔数', 'items', (b) => b.items),
    col.money('金额', 'total', (b) => b.totalFen),
    col.date('生成日期', 'created', (b) => b.createdOn),
    col.actions('操作', (b) => b.number),
  ];
}

describe('a staff list shows money in 元 and exports it as a number of 元', () => {
  it('shows fen as 元 in the page language, a missing amount as a dash', () => {
    const money = columnsIn('zh-CN', '元')[3];
    const english = columnsIn('en-US', 'yuan')[3];
    if (!money || !english) throw new Error('no money column');
    expect(render(money, ROWS[1] as Batch)).toBe('871.66元');
    expect(render(english, ROWS[1] as Batch)).toBe('¥871.66');
    expect(render(money, ROWS[2] as Batch)).toBe('—');
  });

  it('exports 元 as numbers with two decimals, the unit in the header, and leaves the buttons out', () => {
    const sheet = sheetOf(columnsIn('zh-CN', '元'), ROWS);
    expect(sheet.header).toEqual(['批次号', '状态', '笔数', '金额（元）', '生成日期']);
    expect(sheet.rows[0]).toEqual(['PB-1', '待导出', 3, 300, '2026-11-02']);
    expect(sheet.rows[1]?.[3]).toBe(871.66);
    expect(sheet.rows[2]?.[3]).toBe('');
    expect(sheet.formats[3]).toBe(YUAN_FORMAT);
    expect(sheet.formats[0]).toBeUndefined();
    expect(sheetOf(columnsIn('en-US', 'yuan'), ROWS).header[3]).toBe('金额 (yuan)');
    const named = staffColumns<Batch>('zh-CN', '元').money('申请金额（元）', 'total', (b) => b.totalFen);
    expect(sheetOf([named], ROWS).header).toEqual(['申请金额（元）']);
  });

  it('does not name the unit over cells that show it, in either language', () => {
    const zh = staffColumns<Batch>('zh-CN', '元').money('申请金额（元）', 'total', (b) => b.totalFen);
    const en = staffColumns<Batch>('en-US', 'yuan').money('Amount requested (yuan)', 'total', (b) => b.totalFen);
    expect([zh.title, en.title]).toEqual(['申请金额', 'Amount requested']);
    expect(render(en as ReturnType<typeof columnsIn>[number], ROWS[0] as Batch)).toBe('¥300.00');
    expect(sheetOf([zh], ROWS).header).toEqual(['申请金额（元）']);
    expect(sheetOf([en], ROWS).header).toEqual(['Amount requested (yuan)']);
    // A title that only mentions the unit mid-way keeps it.
    expect(staffColumns<Batch>('zh-CN', '元').money('元旦补贴', 'total', (b) => b.totalFen).title).toBe('元旦补贴');
  });

  it('sorts amounts and counts as numbers and dates in time, a missing amount first', () => {
    const [, , items, total, created] = columnsIn('zh-CN', '元');
    const order = (c: typeof total) => [...ROWS].sort(c?.sorter as (a: Batch, b: Batch) => number).map((b) => b.number);
    expect(order(total)).toEqual(['PB-3', 'PB-1', 'PB-2']);
    expect(order(items)).toEqual(['PB-3', 'PB-1', 'PB-2']);
    expect(order(created)).toEqual(['PB-2', 'PB-3', 'PB-1']);
  });

  it('filters a choice by the labels of the values the rows hold', () => {
    const state = columnsIn('zh-CN', '元')[1];
    expect(state?.filters).toEqual([
      { text: '待导出', value: 'open' },
      { text: '已对账', value: 'reconciled' },
    ]);
    expect(render(state as NonNullable<typeof state>, ROWS[1] as Batch)).toBe('已对账');
  });
});
