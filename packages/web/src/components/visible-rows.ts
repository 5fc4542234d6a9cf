import type { Key } from 'react';
import type { FilterValue, SorterResult } from 'antd/es/table/interface.js';

/** What of a column decides which rows show: its key and header filter (the sort comes with the state). */
export interface FilteringColumn<T> {
  key?: Key;
  /** ProTable also takes `true` here (filter on the server); such a column filters nothing here. */
  onFilter?: boolean | ((value: Key | boolean, row: T) => boolean);
}

/** The header filters chosen and the sort, as the table reports them on a change. */
export interface TableState<T> {
  filters: Record<string, FilterValue | null>;
  sorter: SorterResult<T> | SorterResult<T>[];
}

/** The rows the header filters leave, sorted as the table sorts them. */
export function visibleRows<T>(rows: readonly T[], columns: readonly FilteringColumn<T>[], state: TableState<T>): T[] {
  let out = [...rows];
  for (const column of columns) {
    const chosen = column.key === undefined ? undefined : state.filters[String(column.key)];
    const onFilter = column.onFilter;
    if (!chosen?.length || typeof onFilter !== 'function') continue;
    out = out.filter((r) => chosen.some((v) => onFilter(v, r)));
  }
  const sorter = Array.isArray(state.sorter) ? state.sorter[0] : state.sorter;
  const compare = sorter?.order ? sorter.column?.sorter : undefined;
  if (typeof compare === 'function') {
    const sign = sorter?.order === 'descend' ? -1 : 1;
    out.sort((a, b) => sign * compare(a, b, sorter?.order ?? undefined));
  }
  return out;
}
