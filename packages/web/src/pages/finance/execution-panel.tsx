import { ProTable } from '@ant-design/pro-components';
import { Button, Card, Drawer, Progress, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { EChart } from '../../components/echart.js';
import { formatFen, formatInstant, formatPermille } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';

type Execution = paths['/api/v1/funds/execution']['get']['responses'][200]['content']['application/json'];
type RegionFund = Execution['byRegionFund'][number];
type Items = paths['/api/v1/funds/execution/items']['get']['responses'][200]['content']['application/json'];
type Item = Items['items'][number];

export interface Window {
  from: string;
  to: string;
}

/**
 * 执行率 by region and fund: a bar per region and fund on one scale of 0–100 %, so a county that
 * received 60,000 元 reads beside a city that received 60 million; the amounts are in the labels and
 * the table. A bar or a row opens the list behind the number (下钻): each payment and return, with
 * its application.
 */
export function ExecutionPanel({
  rows,
  window,
  subsidyName,
}: {
  rows: readonly RegionFund[];
  window: Window;
  subsidyName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const [open, setOpen] = useState<RegionFund>();
  const label = (r: RegionFund) => `${regionName(r.regionCode)} · ${r.fundName}`;

  const chart = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex];
          return r
            ? `${label(r)}<br/>${formatFen(r.executedFen, lang)} / ${formatFen(r.receivedFen, lang)} = ${formatPermille(r.ratePermille)}`
            : '';
        },
      },
      xAxis: {
        type: 'value',
        max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
        axisLabel: { formatter: '{value}%' },
      },
      // Long region and fund names are cut to fit a phone; the tooltip and the table give them whole.
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(label),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.ratePermille / 10),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => formatPermille(rows[p.dataIndex]?.ratePermille ?? 0),
          },
        },
      ],
    }),
    [rows, lang, regionName],
  );

  return (
    <>
      <Card size="small" title={t('dashboard.rateByRegion')}>
        <EChart
          option={chart}
          height={Math.max(160, rows.length * 36 + 40)}
          testId="chart-rate"
          onClick={(index) => setOpen(rows[index])}
        />
        <ProTable<RegionFund>
          rowKey={(r) => `${r.regionCode}-${r.fundId}`}
          dataSource={[...rows]}
          search={false}
          options={false}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          data-testid="execution-table"
          columns={[
            { title: t('common.region'), render: (_, r) => regionName(r.regionCode) },
            { title: t('admin.dashboard.fund'), dataIndex: 'fundName' },
            { title: t('dashboard.received'), align: 'right', render: (_, r) => formatFen(r.receivedFen, lang) },
            { title: t('dashboard.executed'), align: 'right', render: (_, r) => formatFen(r.executedFen, lang) },
            {
              title: t('dashboard.rate'),
              render: (_, r) => (
                <Progress
                  percent={Math.min(100, r.ratePermille / 10)}
                  format={() => formatPermille(r.ratePermille)}
                  size="small"
                />
              ),
            },
            {
              title: t('common.actions'),
              valueType: 'option',
              render: (_, r) => [
                <Button
                  key="drill"
                  size="small"
                  type="link"
                  onClick={() => setOpen(r)}
                  data-testid={`drill-${r.regionCode}-${r.fundCode}`}
                >
                  {t('admin.dashboard.drill')}
                </Button>,
              ],
            },
          ]}
        />
      </Card>
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size="large"
        title={open ? t('admin.dashboard.behind', { what: label(open), from: window.from, to: window.to }) : ''}
        destroyOnHidden
      >
        {open ? (
          <ProTable<Item>
            rowKey="id"
            search={false}
            options={false}
            size="small"
            scroll={{ x: 'max-content' }}
            data-testid="execution-items"
            pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { count: n }) }}
            request={async (params) => {
              const limit = params.pageSize ?? 50;
              const offset = ((params.current ?? 1) - 1) * limit;
              const r = await api<Items>(
                'GET',
                `/api/v1/funds/execution/items${query({ regionCode: open.regionCode, fundId: open.fundId, ...window, limit, offset })}`,
              );
              return { data: r.items, total: r.total, success: true };
            }}
            columns={[
              { title: t('admin.dashboard.at'), render: (_, i) => formatInstant(i.at) },
              {
                title: t('admin.dashboard.application'),
                render: (_, i) =>
                  i.applicationId ? <Link to={`/applications/${i.applicationId}`}>{i.applicationNumber}</Link> : '—',
              },
              { title: t('admin.dashboard.subsidy'), render: (_, i) => (i.subsidy ? subsidyName(i.subsidy) : '—') },
              {
                title: t('admin.dashboard.kind'),
                render: (_, i) => (
                  <Tag color={i.kind === 'pay' ? 'green' : 'orange'}>{t(`admin.dashboard.kinds.${i.kind}`)}</Tag>
                ),
              },
              {
                title: t('admin.dashboard.amount'),
                align: 'right',
                // A recovery reads as one negative figure; its minus never wraps away from the digits.
                render: (_, i) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {formatFen(i.kind === 'pay' ? i.amountFen : -i.amountFen, lang)}
                  </span>
                ),
              },
            ]}
          />
        ) : null}
      </Drawer>
    </>
  );
}
