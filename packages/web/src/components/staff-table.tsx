import type { ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleRows, type TableState } from './visible-rows.js';

/**
 * What the staff lists held in the browser share (issue 16: ProTable everywhere staff list
 * things): header filters and sorting done here, the toolbar's density, refresh and column
 * settings, and an export to Excel of exactly the rows the filters leave, in the order shown.
 * Lists paged by the server (the workbench, the registry) export through their own routes.
 */

/**
 * A column of a staff list. `sheet`: the cell as the exported sheet holds it, in the page's
 * language (a label, 元, a date); a column without one (its buttons) stays out of the sheet.
 * A column that filters or sorts carries a `key`, by which the table reports its state.
 */
export type StaffColumn<T> = ProColumns<T> & { sheet?: (row: T) => string | number };

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

/** A header filter offering each value the rows hold, by its label, in the labels' order. */
export function filterColumn<T>(
  rows: readonly T[],
  value: (row: T) => string,
  label: (value: string) => string,
): Pick<StaffColumn<T>, 'filters' | 'onFilter'> {
  const values = [...new Set(rows.map(value))];
  return {
    filters: values.map((v) => ({ text: label(v), value: v })).sort((a, b) => a.text.localeCompare(b.text)),
    onFilter: (chosen, row) => value(row) === chosen,
  };
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
  const sheetColumns = columns.filter(
    (c): c is StaffColumn<T> & { sheet: (row: T) => string | number } =>
      typeof c.title === 'string' && c.sheet !== undefined,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(sheetColumns.map((c) => c.title as string));
  for (const r of rows) sheet.addRow(sheetColumns.map((c) => c.sheet(r)));
  sheet.getRow(1).font = { bold: true };
  sheetColumns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(10, (c.title as string).length * 2 + 4)));
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
