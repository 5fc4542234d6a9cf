import { ProTable } from '@ant-design/pro-components';
import { Button, Grid, Input } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sheetOf, staffColumns, type StaffColumn, type StaffColumnKit } from './staff-columns.js';
import { visibleRows, type TableState } from './visible-rows.js';

export {
  compareNumbers,
  compareTexts,
  filterColumn,
  PROSE_CELL,
  WHOLE_CELL,
  type StaffColumn,
} from './staff-columns.js';

/**
 * What the staff lists held in the browser share (issue 16: ProTable everywhere staff list
 * things): columns built alike (`useStaffColumns`), header filters and sorting done here, a
 * keyword search, the toolbar's density, refresh and column settings, and an export to Excel of
 * exactly the rows the filters leave, in the order shown, money as numbers of 元. Lists paged by
 * the server (the workbench, the registry, the audit trail) export through their own reads.
 */

/** The column builders of `staffColumns` in the page's language. */
export function useStaffColumns<T>(): StaffColumnKit<T> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => staffColumns<T>(language, t('dashboard.yuan')), [language, t]);
}

/**
 * A staff list held in the browser: the table's `onChange` to pass on, and the rows now shown
 * (every page of them), for the export.
 */
export function useStaffTable<T>(rows: readonly T[], columns: readonly StaffColumn<T>[]) {
  const [state, setState] = useState<TableState<T>>({ filters: {}, sorter: {} });
  const shown = useMemo(() => visibleRows(rows, columns, state), [rows, columns, state]);
  const onChange: NonNullable<TableProps<T>['onChange']> = (_pagination, filters, sorter) =>
    setState({ filters, sorter });
  return { shown, onChange };
}

/** The paging every staff list has: a page-size changer and "共 n 条". */
export function useStaffPagination(pageSize = 20) {
  const { t } = useTranslation();
  return {
    defaultPageSize: pageSize,
    showSizeChanger: true,
    showTotal: (n: number) => t('common.total', { count: n }),
  };
}

/** The toolbar's own buttons: density, refresh (re-reading the list) and column settings. */
export function staffOptions(reload: () => void) {
  return { density: true, reload, setting: true } as const;
}

/**
 * The rows as an .xlsx workbook, one column per titled column with a `sheet`, the header in the
 * page's language. The workbook library loads only when someone exports, off the first page load.
 */
export async function exportRows<T>(fileName: string, columns: readonly StaffColumn<T>[], rows: readonly T[]) {
  const { default: ExcelJS } = await import('exceljs');
  const { header, rows: cells, formats } = sheetOf(columns, rows);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const r of cells) {
    const row = sheet.addRow(r);
    formats.forEach((f, i) => {
      if (f && typeof r[i] === 'number') row.getCell(i + 1).numFmt = f;
    });
  }
  sheet.getRow(1).font = { bold: true };
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)));
  const blob = new Blob([await workbook.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The toolbar's "导出 Excel" for a list held in the browser: the rows shown, every page of them. */
export function ExportButton<T>(props: {
  fileName: string;
  columns: readonly StaffColumn<T>[];
  rows: readonly T[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      disabled={props.rows.length === 0}
      onClick={() => {
        setBusy(true);
        void exportRows(props.fileName, props.columns, props.rows).finally(() => setBusy(false));
      }}
      data-testid={props.testId}
    >
      {t('common.exportExcel')}
    </Button>
  );
}

/** A keyword search over a list held in the browser: the texts of a row it looks in, and what they are. */
export interface StaffSearch<T> {
  placeholder: string;
  texts: (row: T) => readonly (string | null | undefined)[];
  testId?: string;
}

export interface StaffTableProps<T> {
  rows: readonly T[];
  columns: StaffColumn<T>[];
  rowKey: TableProps<T>['rowKey'];
  loading?: boolean;
  /** Re-reads the list (the toolbar's refresh). */
  reload?: () => void;
  /** The exported sheet's file name; a list without one has no export. */
  exportAs?: string;
  exportTestId?: string;
  search?: StaffSearch<T>;
  /** Buttons of the page's own, before the export. */
  toolbar?: ReactNode[];
  /** Rows a page, 20 unless said; `false` shows the list whole. */
  pageSize?: number | false;
  /**
   * What an empty list lacks, and where its rows come from when it helps (辖区内暂无…；…后显示在此):
   * antd's own 暂无数据 tells nobody whether something is wrong.
   */
  emptyText: string;
  headerTitle?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  /** Rows chosen (a station to work in, rows for a batch action); no "n chosen" bar above. */
  rowSelection?: TableProps<T>['rowSelection'];
  summary?: TableProps<T>['summary'];
  style?: CSSProperties;
  testId?: string;
}

/**
 * A staff list held in the browser as a ProTable with the conventions every such list shares:
 * the keyword search above it, header filters and sorting, density, refresh and column settings,
 * "共 n 条" paging, and the export of the rows shown.
 */
// ProTable takes only records keyed by string, and says so with `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function StaffTable<T extends Record<string, any>>(props: StaffTableProps<T>) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const { rows: all, search } = props;
  const rows = useMemo(() => {
    const w = words.trim().toLowerCase();
    if (!w || !search) return all;
    return all.filter((r) => search.texts(r).some((x) => x?.toLowerCase().includes(w)));
  }, [all, search, words]);
  const table = useStaffTable(rows, props.columns);
  const phone = Grid.useBreakpoint().sm === false;
  const columns = useMemo(() => pinnedFor(props.columns, phone), [phone, props.columns]);
  const pinned = columns.some((c) => c.fixed);
  const pagination = useStaffPagination(props.pageSize || 20);
  return (
    <ProTable<T>
      // ProTable keeps each column's pinning from its first render (its column settings): made
      // anew when the page turns narrow or wide, so the pinning follows.
      key={phone ? 'phone' : 'wide'}
      size="small"
      rowKey={props.rowKey}
      loading={props.loading}
      dataSource={rows as T[]}
      columns={columns}
      onChange={table.onChange}
      search={false}
      scroll={{ x: true }}
      tableLayout={pinned ? 'auto' : undefined}
      options={{ density: true, reload: props.reload ?? false, setting: true }}
      pagination={props.pageSize === false ? false : pagination}
      locale={{
        emptyText: words.trim() && all.length > 0 ? t('empty.noMatch', { text: words.trim() }) : props.emptyText,
      }}
      headerTitle={
        search ? (
          <Input.Search
            allowClear
            placeholder={search.placeholder}
            onSearch={setWords}
            style={{ width: 280 }}
            data-testid={search.testId}
          />
        ) : (
          props.headerTitle
        )
      }
      toolBarRender={() => [
        ...(props.toolbar ?? []),
        ...(props.exportAs
          ? [
              <ExportButton
                key="export"
                fileName={props.exportAs}
                columns={props.columns}
                rows={table.shown}
                testId={props.exportTestId}
              />,
            ]
          : []),
      ]}
      expandable={props.expandable}
      rowSelection={props.rowSelection}
      tableAlertRender={false}
      summary={props.summary}
      style={props.style}
      data-testid={props.testId}
    />
  );
}

/**
 * The columns as pinned on this screen. A pinned column (the buttons) is 200 px in ProTable unless
 * it says otherwise and would switch the table to fixed layout, which shares the width out evenly;
 * as wide as its content, in automatic layout, every column is as wide as it needs and text wraps
 * only where the page is too narrow. On a phone nothing is pinned: a number pinned left and buttons
 * pinned right took the whole 390 px between them, with nothing left to scroll and the buttons cut.
 */
export function pinnedFor<C extends { fixed?: unknown; width?: unknown }>(columns: readonly C[], phone: boolean): C[] {
  if (phone) return columns.map((c) => (c.fixed ? { ...c, fixed: undefined } : c));
  return columns.map((c) => (c.fixed && c.width === undefined ? { ...c, width: 'auto' } : c));
}
