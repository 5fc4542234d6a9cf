import { Card, Grid, List, Table, Typography } from 'antd';
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
 * 补贴资金使用情况 and 年度就业工作目标完成情况 (财社〔2023〕181号 第二十八条): the region's year of the
 * list below counted by subsidy — how many were paid and how much, and what is still in publicity
 * before payment — and the year's employment targets beside what was achieved. Counts only: the
 * names are in the list. On a phone each row is a short paragraph, as the list's rows are cards.
 */
export function DisclosureSummary({ region, year }: { region: string; year: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = Grid.useBreakpoint().md === false;
  const { data, error, loading } = useLoad(
    () => api<Summary>('GET', `/api/v1/disclosures/summary${query({ region, year })}`),
    [region, year],
  );
  const money = (fen: number) => formatFen(fen, lang);
  const people = (n: number) => t('disclosure.targets.people', { count: n, n: n.toLocaleString('en-US') });
  const pending = (n: number, fen: number) =>
    n ? t('disclosure.summary.pendingText', { count: n, amount: money(fen) }) : '—';
  const target = (g: TargetProgress) => (g.target !== undefined ? people(g.target) : t('disclosure.targets.notSet'));
  const rate = (g: TargetProgress) => (g.ratePermille !== undefined ? formatPermille(g.ratePermille) : '—');
  const subsidies = data?.subsidies ?? [];
  const targets = data?.targets ?? [];
  const secondary = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  return (
    <Card size="small" title={t('disclosure.summary.title', { year })} data-testid="disclosure-summary">
      <ErrorAlert error={error} />
      {narrow ? (
        <List<SubsidyUse>
          size="small"
          loading={loading}
          dataSource={subsidies}
          locale={{ emptyText: t('disclosure.summary.none', { year }) }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={pick(s.subsidyName, lang)}
                description={[
                  t('disclosure.summary.phoneLine', { recipients: s.recipients, paid: money(s.paidFen) }),
                  ...(s.pending
                    ? [t('disclosure.summary.phonePending', { pending: pending(s.pending, s.pendingFen) })]
                    : []),
                ].join(' · ')}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<SubsidyUse>
          size="small"
          loading={loading}
          rowKey="subsidy"
          pagination={false}
          scroll={{ x: PHONE_SCROLL }}
          dataSource={subsidies}
          locale={{ emptyText: t('disclosure.summary.none', { year }) }}
          columns={[
            { title: t('disclosure.subsidy'), render: (_, s) => pick(s.subsidyName, lang) },
            { title: t('disclosure.summary.recipients'), align: 'right', dataIndex: 'recipients' },
            { title: t('disclosure.summary.paid'), align: 'right', render: (_, s) => money(s.paidFen) },
            {
              title: t('disclosure.summary.pending'),
              align: 'right',
              render: (_, s) => pending(s.pending, s.pendingFen),
            },
          ]}
          summary={() =>
            data && subsidies.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('disclosure.summary.total')}</Typography.Text>
                </Table.Summary.Cell>
                {/* People are not summed across subsidies: one person may hold several. */}
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{money(data.total.paidFen)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {pending(data.total.pending, data.total.pendingFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('disclosure.summary.note', { year })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('disclosure.targets.title', { year })}</Typography.Title>
      {narrow ? (
        <List<TargetProgress>
          size="small"
          loading={loading}
          dataSource={targets}
          data-testid="disclosure-targets"
          renderItem={(g) => (
            <List.Item>
              <List.Item.Meta
                title={pick(g.name, lang)}
                description={secondary(
                  t('disclosure.targets.phoneLine', { target: target(g), achieved: people(g.achieved), rate: rate(g) }),
                )}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<TargetProgress>
          size="small"
          loading={loading}
          rowKey="indicator"
          pagination={false}
          scroll={{ x: PHONE_SCROLL }}
          dataSource={targets}
          data-testid="disclosure-targets"
          columns={[
            { title: t('disclosure.targets.indicator'), render: (_, g) => pick(g.name, lang) },
            { title: t('disclosure.targets.target'), align: 'right', render: (_, g) => target(g) },
            { title: t('disclosure.targets.achieved'), align: 'right', render: (_, g) => people(g.achieved) },
            { title: t('disclosure.targets.rate'), align: 'right', render: (_, g) => rate(g) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('disclosure.targets.note')}
      </Typography.Paragraph>
    </Card>
  );
}
