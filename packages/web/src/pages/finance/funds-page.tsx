import { ProTable } from '@ant-design/pro-components';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Fund } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import {
  ExportButton,
  filterColumn,
  staffOptions,
  useStaffPagination,
  useStaffTable,
  type StaffColumn,
} from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';

const KINDS = ['treasury', 'available', 'committed', 'paid', 'recovered'] as const;

/** One fund's balances in one region, a row of the ledger list. */
type BalanceRow = { key: string; fund: Fund; region: string } & Record<(typeof KINDS)[number], number>;

/**
 * 资金台账: each fund's balances per region and ledger account, as the double-entry ledger holds
 * them, in one ProTable: filtered by fund, year and region, sorted by any balance, exported as filtered.
 */
export function FundsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const { data, error, loading, reload } = useLoad(() => api<{ funds: Fund[] }>('GET', '/api/v1/funds'), []);
  const rows: BalanceRow[] = (data?.funds ?? []).flatMap((f) =>
    [...new Set(f.balances.map((b) => b.regionCode))].sort().map(
      (region) =>
        ({
          key: `${f.id}:${region}`,
          fund: f,
          region,
          ...Object.fromEntries(
            KINDS.map((k) => [k, f.balances.find((b) => b.regionCode === region && b.kind === k)?.balanceFen ?? 0]),
          ),
        }) as BalanceRow,
    ),
  );
  const fundName = (f: Fund) => `${t(`funds.sources.${f.source}`)} · ${regionName(f.regionCode)}`;
  const names = new Map(rows.map((r) => [r.fund.id, fundName(r.fund)]));
  const columns: StaffColumn<BalanceRow>[] = [
    {
      title: t('admin.dashboard.fund'),
      key: 'fund',
      render: (_, r) => fundName(r.fund),
      ...filterColumn(
        rows,
        (r) => r.fund.id,
        (id) => names.get(id) ?? '',
      ),
      sheet: (r) => fundName(r.fund),
    },
    {
      title: t('backOffice.funds.year'),
      key: 'year',
      render: (_, r) => r.fund.year,
      ...filterColumn(rows, (r) => String(r.fund.year), String),
      sorter: (a, b) => a.fund.year - b.fund.year,
      sheet: (r) => r.fund.year,
    },
    { title: t('backOffice.funds.code'), key: 'code', render: (_, r) => r.fund.code, sheet: (r) => r.fund.code },
    {
      title: t('common.region'),
      key: 'region',
      render: (_, r) => regionName(r.region),
      ...filterColumn(rows, (r) => r.region, regionName),
      sheet: (r) => regionName(r.region),
    },
    ...KINDS.map((k): StaffColumn<BalanceRow> => ({
      title: t(`funds.kinds.${k}`),
      key: k,
      align: 'right',
      render: (_, r) => formatFen(r[k], lang),
      sorter: (a, b) => a[k] - b[k],
      sheet: (r) => formatFen(r[k], lang),
    })),
  ];
  const table = useStaffTable(rows, columns);
  const pagination = useStaffPagination();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('funds.title')}</Typography.Title>
      <ErrorAlert error={error} />
      <ProTable<BalanceRow>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={rows}
        columns={columns}
        onChange={table.onChange}
        search={false}
        scroll={{ x: true }}
        options={staffOptions(reload)}
        pagination={pagination}
        toolBarRender={() => [<ExportButton key="export" fileName="funds.xlsx" columns={columns} rows={table.shown} />]}
        data-testid="funds"
      />
    </Space>
  );
}
