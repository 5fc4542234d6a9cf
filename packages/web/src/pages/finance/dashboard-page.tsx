import { Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { EChart } from '../../components/echart.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatPermille, todayInShanghai } from '../../components/format.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { LoanRegisterSummary } from '../loans/loan-register-summary.js';
import { ExecutionPanel, type Window } from './execution-panel.js';

type Execution = paths['/api/v1/funds/execution']['get']['responses'][200]['content']['application/json'];

const DEADLINE_STATES = ['submitted', 'accepted', 'reviewed', 'payable'] as const;

/**
 * 执行率 and where the money went: by region and fund, by subsidy and month; work past its time limit;
 * and the loan register's totals (创业担保贷款台账), with the way to the loans desk.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const subsidyName = useSubsidyNames(account?.regionCode ?? '510000');
  // The year so far by default; any days [from, to] in Asia/Shanghai.
  const [window, setWindow] = useState<Window>(() => ({
    from: `${todayInShanghai().slice(0, 4)}-01-01`,
    to: todayInShanghai(),
  }));
  const { data, error } = useLoad(
    () => api<Execution>('GET', `/api/v1/funds/execution${query({ ...window })}`),
    [window.from, window.to],
  );
  const overdue = useLoad(
    () =>
      Promise.all(
        DEADLINE_STATES.map((state) =>
          api<{ total: number }>('GET', `/api/v1/applications${query({ state, overdue: true, limit: 1 })}`).then(
            (r) => ({ state, total: r.total }),
          ),
        ),
      ),
    [],
  );

  const yuan = (fen: number) => Math.floor(fen / 100);
  // The server's total for the caller's regions: the rows, each a region and what lies below it,
  // would count a district's payments again in its city, and money allocated down twice.
  const received = data?.total.receivedFen ?? 0;
  const executed = data?.total.executedFen ?? 0;
  const rate = data?.total.ratePermille ?? 0;

  const byMonth = useMemo(() => {
    const rows = data?.bySubsidyMonth ?? [];
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const subsidies = [...new Set(rows.map((r) => r.subsidy))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', data: subsidies.map(subsidyName) },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t('dashboard.yuan') },
      series: subsidies.map((s) => ({
        name: subsidyName(s),
        type: 'bar',
        stack: 'paid',
        // One month alone would otherwise be a bar the chart's whole width.
        barMaxWidth: 64,
        data: months.map((m) => yuan(rows.find((r) => r.subsidy === s && r.month === m)?.paidFen ?? 0)),
      })),
    };
  }, [data, t, subsidyName]);

  const bySubsidy = useMemo(() => {
    const rows = data?.bySubsidyMonth ?? [];
    const subsidies = [...new Set(rows.map((r) => r.subsidy))];
    return {
      tooltip: { trigger: 'item' },
      // The names in a legend below, each whole; beside the ring only the shares. Names drawn around
      // a ring in a half-width card were cut at its edges and laid over the ring.
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '60%'],
          center: ['50%', '45%'],
          label: { formatter: '{d}%' },
          labelLayout: { hideOverlap: true },
          data: subsidies.map((s) => ({
            name: subsidyName(s),
            value: rows.filter((r) => r.subsidy === s).reduce((n, r) => n + r.payments, 0),
          })),
        },
      ],
    };
  }, [data, subsidyName]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space>
          <label htmlFor="dashboard-dates">{t('admin.dashboard.dates')}</label>
          <DatePicker.RangePicker
            id="dashboard-dates"
            allowClear={false}
            value={[dayjs(window.from), dayjs(window.to)]}
            onChange={(v) => {
              const [from, to] = v ?? [];
              if (from && to) setWindow({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
            data-testid="dashboard-dates"
          />
        </Space>
      </Space>
      <ErrorAlert error={error ?? overdue.error} />
      {/* Sums of tens of millions of 元 take a phone's whole width; the rate and the overdue count half. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.received')} value={formatFen(received, lang)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.executed')} value={formatFen(executed, lang)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.rate')} value={formatPermille(rate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('dashboard.overdue')}
              value={(overdue.data ?? []).reduce((n, o) => n + o.total, 0)}
              styles={{ content: { color: '#cf1322' } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(overdue.data ?? []).map((o) => `${t(`states.${o.state}`)} ${o.total}`).join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ExecutionPanel rows={data?.byRegionFund ?? []} window={window} subsidyName={subsidyName} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('dashboard.bySubsidy')}>
            <EChart option={bySubsidy} testId="chart-subsidy" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.byMonth')}>
            <EChart option={byMonth} testId="chart-month" />
          </Card>
        </Col>
        {account?.permissions.includes('loan:read') ? (
          <Col xs={24}>
            <LoanRegisterSummary />
          </Col>
        ) : null}
      </Row>
    </Space>
  );
}
