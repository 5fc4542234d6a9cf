import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Fund } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { formatFen } from '../../components/format.js';
import { FundStatementDrawer, type StatementTarget } from './fund-statement.js';

/** The balances a region holds (the treasury is the fund's source, not a region's balance). */
const KINDS = ['available', 'committed', 'paid', 'recovered'] as const;

/** One fund's balances in one region, a row of the ledger list. */
type BalanceRow = { key: string; fund: Fund; region: string } & Record<(typeof KINDS)[number], number>;

/**
 * 资金台账: each fund's balances per region and ledger account, as the double-entry ledger holds
 * them, in one ProTable: filtered by fund, year and region, sorted by any balance, exported as filtered.
 * Each balance's header says how money comes into it and leaves it, and each figure opens its
 * statement (明细账), the entries it is the sum of.
 */
export function FundsPage() {
  const { t, i18n } = useTranslation();
  const [statement, setStatement] = useState<StatementTarget>();
  const col = useStaffColumns<BalanceRow>();
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
  // The fund by its own name, as the dashboard, the payments and the audit trail name it; its
  // source (市级就业补助资金 …) is a column of its own.
  const names = new Map(rows.map((r) => [r.fund.id, r.fund.name]));
  const columns: StaffColumn<BalanceRow>[] = [
    col.choice(
      t('admin.dashboard.fund'),
      'fund',
      rows,
      (r) => r.fund.id,
      (id) => names.get(id) ?? '',
    ),
    col.choice(t('backOffice.funds.year'), 'year', rows, (r) => String(r.fund.year), String, {
      sorter: (a, b) => a.fund.year - b.fund.year,
    }),
    col.text(t('backOffice.funds.code'), 'code', (r) => r.fund.code),
    col.choice(
      t('backOffice.funds.source'),
      'source',
      rows,
      (r) => r.fund.source,
      (source) => t(`funds.sources.${source}`),
    ),
    col.choice(t('common.region'), 'region', rows, (r) => r.region, regionName),
    ...KINDS.map((k) =>
      col.money(t(`funds.kinds.${k}`), k, (r) => r[k], {
        tooltip: t(`funds.explain.${k}`),
        render: (_, r) => (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, whiteSpace: 'nowrap' }}
            title={t('funds.statement.open')}
            onClick={() => setStatement({ fund: r.fund, region: r.region, account: k })}
            data-testid={`fund-balance-${r.fund.code}-${r.region}-${k}`}
          >
            {formatFen(r[k], i18n.language)}
          </Button>
        ),
      }),
    ),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('funds.title')}</Typography.Title>
      <ErrorAlert error={error} />
      <StaffTable<BalanceRow>
        emptyText={t('empty.funds')}
        rowKey="key"
        loading={loading}
        rows={rows}
        columns={columns}
        reload={reload}
        exportAs="funds.xlsx"
        testId="funds"
      />
      <FundStatementDrawer target={statement} onClose={() => setStatement(undefined)} />
    </Space>
  );
}
