import { Button, Card, Grid, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, query } from '../../api/client.js';
import type { Text } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, pick, todayInShanghai } from '../../components/format.js';
import { RegionSelect, useRegionName } from '../../components/regions.js';
import { PHONE_SCROLL } from '../../components/table-scroll.js';
import { useLoad } from '../../components/use-load.js';
import { DisclosureSummary } from './disclosure-summary.js';

interface DisclosureRow {
  subsidy: string;
  subsidyName: Text;
  regionCode: string;
  recipient: string;
  idNumber?: string;
  unit?: string;
  post?: string;
  period?: string;
  standard: Text;
  amountFen: number;
  status: string;
  publicityEndsOn?: string;
  date: string;
}

const PAGE = 20;

/**
 * A cell's long text (a subsidy's English name, a unit, a monthly standard) wrapped at `width`: the
 * table is as wide as its content (PHONE_SCROLL), so unwrapped they pushed the status and date
 * past the right edge of a 1366px laptop, to be reached only by the scroll bar at the table's foot.
 */
function Wrapped({ width, children }: { width: number; children: ReactNode }) {
  return <div style={{ maxWidth: width, whiteSpace: 'normal' }}>{children}</div>;
}

/**
 * 公示名单: who received what, with names and ID numbers partly hidden by the server (the page
 * never receives a whole number), so that anyone may object during publicity (181号 第二十八条).
 */
export function DisclosurePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const [region, setRegion] = useState('510100');
  const [year, setYear] = useState('');
  const [page, setPage] = useState(1);
  const narrow = Grid.useBreakpoint().md === false;
  const params = { region, year: /^\d{4}$/.test(year) ? year : undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const { data, error, loading } = useLoad(
    () => api<{ total: number; rows: DisclosureRow[] }>('GET', `/api/v1/disclosures${query(params)}`),
    [region, year, page],
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('disclosure.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('disclosure.intro')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="disclosure-region">{t('common.region')}</label>
        <RegionSelect
          id="disclosure-region"
          value={region}
          onChange={(r) => {
            setRegion(r);
            setPage(1);
          }}
        />
        <label htmlFor="disclosure-year">{t('common.year')}</label>
        <Input
          id="disclosure-year"
          style={{ width: 100 }}
          value={year}
          maxLength={4}
          onChange={(e) => {
            setYear(e.target.value);
            setPage(1);
          }}
          placeholder={t('disclosure.anyYear')}
        />
        <Button
          onClick={() =>
            void download(`/api/v1/disclosures/export${query({ region, year: params.year })}`, 'gongshi.xlsx')
          }
        >
          {t('common.exportExcel')}
        </Button>
      </Space>
      <DisclosureSummary
        region={region}
        year={params.year ? Number(params.year) : Number(todayInShanghai().slice(0, 4))}
      />
      <ErrorAlert error={error} />
      {narrow ? (
        // On a phone, one card a recipient: the table's amount and status were reached only sideways.
        <List<DisclosureRow>
          data-testid="disclosure-cards"
          loading={loading}
          dataSource={data?.rows ?? []}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: data?.total ?? 0,
            onChange: setPage,
            size: 'small',
            showTotal: (n) => t('common.total', { count: n }),
          }}
          renderItem={(r) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} title={pick(r.subsidyName, lang)}>
                <Space wrap>
                  <Typography.Text strong>{r.recipient}</Typography.Text>
                  {r.idNumber ? <Typography.Text type="secondary">{r.idNumber}</Typography.Text> : null}
                  <Typography.Text strong>{formatFen(r.amountFen, lang)}</Typography.Text>
                  <Tag color={r.status === 'paid' ? 'green' : 'blue'}>{t(`disclosure.status.${r.status}`)}</Tag>
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    {[regionName(r.regionCode), r.unit, pick(r.standard, lang)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary">
                  {r.publicityEndsOn ? t('disclosure.until', { date: r.publicityEndsOn }) : r.date}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<DisclosureRow & { key: string }>
          data-testid="disclosure-table"
          size="small"
          loading={loading}
          rowKey="key"
          dataSource={(data?.rows ?? []).map((r, i) => ({ ...r, key: `${page}-${i}` }))}
          scroll={{ x: PHONE_SCROLL }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { count: n }),
          }}
          columns={[
            {
              title: t('disclosure.subsidy'),
              render: (_, r) => <Wrapped width={170}>{pick(r.subsidyName, lang)}</Wrapped>,
            },
            { title: t('common.region'), render: (_, r) => regionName(r.regionCode) },
            { title: t('disclosure.recipient'), dataIndex: 'recipient' },
            { title: t('person.idNumber'), dataIndex: 'idNumber', render: (v?: string) => v ?? '—' },
            {
              title: t('disclosure.unit'),
              dataIndex: 'unit',
              render: (v?: string) => <Wrapped width={180}>{v ?? '—'}</Wrapped>,
            },
            {
              title: t('disclosure.standard'),
              render: (_, r) => <Wrapped width={160}>{pick(r.standard, lang)}</Wrapped>,
            },
            { title: t('disclosure.amount'), align: 'right', render: (_, r) => formatFen(r.amountFen, lang) },
            {
              title: t('common.status'),
              render: (_, r) => (
                <Tag color={r.status === 'paid' ? 'green' : 'blue'}>{t(`disclosure.status.${r.status}`)}</Tag>
              ),
            },
            {
              title: t('common.date'),
              render: (_, r) => (
                <Wrapped width={120}>
                  {r.publicityEndsOn ? t('disclosure.until', { date: r.publicityEndsOn }) : r.date}
                </Wrapped>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
