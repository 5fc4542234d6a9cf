import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatPermille, pick } from '../../components/format.js';
import { PHONE_SCROLL } from '../../components/table-scroll.js';
import { useLoad } from '../../components/use-load.js';

type Summary = paths['/api/v1/disclosures/summary']['get']['responses'][200]['content']['application/json'];
type SubsidyUse = Summary['subsidies'][number];
type TargetProgress = Summary['targets'][number];

/**
 * 补贴资金使用情况 (财社〔2023〕181号 第二十八条): the region's year of the list below, counted by subsidy —
 * how many were paid and how much, and what is still in publicity before payment. Counts only: the
 * names are in the list.
 */
export function DisclosureSummary({ region, year }: { region: string; year: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, loading } = useLoad(
    () => api<Summary>('GET', `/api/v1/disclosures/summary${query({ region, year })}`),
    [region, year],
  );
  const money = (fen: number) => formatFen(fen, lang);
  const count = (n: number) => t('disclosure.targets.people', { count: n, n: n.toLocaleString('en-US') });
  return (
    <Card size="small" title={t('disclosure.summary.title', { year })} data-testid="disclosure-summary">
      <ErrorAlert error={error} />
      <Table<SubsidyUse>
        size="small"
        loading={loading}
        rowKey="subsidy"
        pagination={false}
        scroll={{ x: PHONE_SCROLL }}
        dataSource={data?.subsidies ?? []}
        locale={{ emptyText: t('disclosure.summary.none', { year }) }}
        columns={[
          { title: t('disclosure.subsidy'), render: (_, s) => pick(s.subsidyName, lang) },
          { title: t('disclosure.summary.recipients'), align: 'right', dataIndex: 'recipients' },
          { title: t('disclosure.summary.paid'), align: 'right', render: (_, s) => money(s.paidFen) },
          {
            title: t('disclosure.summary.pending'),
            align: 'right',
            render: (_, s) =>
              s.pending ? t('disclosure.summary.pendingText', { count: s.pending, amount: money(s.pendingFen) }) : '—',
          },
        ]}
        summary={() =>
          data && data.subsidies.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('disclosure.summary.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {t('disclosure.summary.payments', { count: data.total.payments })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{money(data.total.paidFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.total.pending
                  ? t('disclosure.summary.pendingText', {
                      count: data.total.pending,
                      amount: money(data.total.pendingFen),
                    })
                  : '—'}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('disclosure.summary.note')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('disclosure.targets.title', { year })}</Typography.Title>
      <Table<TargetProgress>
        size="small"
        loading={loading}
        rowKey="indicator"
        pagination={false}
        scroll={{ x: PHONE_SCROLL }}
        dataSource={data?.targets ?? []}
        data-testid="disclosure-targets"
        columns={[
          { title: t('disclosure.targets.indicator'), render: (_, g) => pick(g.name, lang) },
          {
            title: t('disclosure.targets.target'),
            align: 'right',
            render: (_, g) => (g.target !== undefined ? count(g.target) : t('disclosure.targets.notSet')),
          },
          { title: t('disclosure.targets.achieved'), align: 'right', render: (_, g) => count(g.achieved) },
          {
            title: t('disclosure.targets.rate'),
            align: 'right',
            render: (_, g) => (g.ratePermille !== undefined ? formatPermille(g.ratePermille) : '—'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('disclosure.targets.note')}
      </Typography.Paragraph>
    </Card>
  );
}
