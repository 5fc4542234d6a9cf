import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Fund } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';

const KINDS = ['treasury', 'available', 'committed', 'paid', 'recovered'] as const;

/** 资金台账: each fund's balances per region and ledger account, as the double-entry ledger holds them. */
export function FundsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const { data, error, loading } = useLoad(() => api<{ funds: Fund[] }>('GET', '/api/v1/funds'), []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('funds.title')}</Typography.Title>
      <ErrorAlert error={error} />
      {(data?.funds ?? []).map((f) => {
        const regions = [...new Set(f.balances.map((b) => b.regionCode))].sort();
        const rows = regions.map(
          (r) =>
            ({
              region: r,
              ...Object.fromEntries(
                KINDS.map((k) => [k, f.balances.find((b) => b.regionCode === r && b.kind === k)?.balanceFen ?? 0]),
              ),
            }) as { region: string } & Record<(typeof KINDS)[number], number>,
        );
        return (
          <Card
            key={f.id}
            size="small"
            title={`${t(`funds.sources.${f.source}`)} · ${f.year} · ${regionName(f.regionCode)}`}
            extra={f.code}
          >
            <Table
              size="small"
              rowKey="region"
              loading={loading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: t('common.region'), render: (_, r) => regionName(r.region) },
                ...KINDS.map((k) => ({
                  title: t(`funds.kinds.${k}`),
                  align: 'right' as const,
                  render: (_: unknown, r: (typeof rows)[number]) => formatFen(r[k], lang),
                })),
              ]}
            />
          </Card>
        );
      })}
    </Space>
  );
}
