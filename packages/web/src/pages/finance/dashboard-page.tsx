import { Card, Col, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import { EChart } from '../../components/echart.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatPermille } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

interface Execution {
  byRegionFund: {
    regionCode: string;
    fundCode: string;
    receivedFen: number;
    executedFen: number;
    ratePermille: number;
  }[];
  bySubsidyMonth: { subsidy: string; month: string; paidFen: number; payments: number }[];
}

const DEADLINE_STATES = ['submitted', 'accepted', 'reviewed', 'payable'] as const;

/** 执行率 and where the money went: by region and fund, by subsidy and month; and work past its time limit. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const regionName = useRegionName();
  const subsidyName = useSubsidyNames(account?.regionCode ?? '510000');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error } = useLoad(() => api<Execution>('GET', `/api/v1/funds/execution${query({ year })}`), [year]);
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
  const received = (data?.byRegionFund ?? []).reduce((s, r) => s + r.receivedFen, 0);
  const executed = (data?.byRegionFund ?? []).reduce((s, r) => s + r.executedFen, 0);
  const rate = received > 0 ? Math.floor((executed * 1000) / received) : 0;

  const byRegion = useMemo(() => {
    const rows = data?.byRegionFund ?? [];
    const regions = [...new Set(rows.map((r) => r.regionCode))].sort();
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dashboard.received'), t('dashboard.executed')] },
      xAxis: { type: 'category', data: regions.map(regionName) },
      yAxis: { type: 'value', name: t('dashboard.yuan') },
      series: [
        {
          name: t('dashboard.received'),
          type: 'bar',
          data: regions.map((r) => yuan(rows.filter((x) => x.regionCode === r).reduce((s, x) => s + x.receivedFen, 0))),
        },
        {
          name: t('dashboard.executed'),
          type: 'bar',
          data: regions.map((r) => yuan(rows.filter((x) => x.regionCode === r).reduce((s, x) => s + x.executedFen, 0))),
        },
      ],
    };
  }, [data, t, regionName]);

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
        data: months.map((m) => yuan(rows.find((r) => r.subsidy === s && r.month === m)?.paidFen ?? 0)),
      })),
    };
  }, [data, t, subsidyName]);

  const bySubsidy = useMemo(() => {
    const rows = data?.bySubsidyMonth ?? [];
    const subsidies = [...new Set(rows.map((r) => r.subsidy))];
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
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
          <label htmlFor="dashboard-year">{t('common.year')}</label>
          <InputNumber id="dashboard-year" min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      </Space>
      <ErrorAlert error={error ?? overdue.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.received')} value={formatFen(received, lang)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
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
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byRegion')}>
            <EChart option={byRegion} testId="chart-region" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.bySubsidy')}>
            <EChart option={bySubsidy} testId="chart-subsidy" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.byMonth')}>
            <EChart option={byMonth} testId="chart-month" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.rateByRegion')}>
            {(data?.byRegionFund ?? []).map((r) => (
              <div key={`${r.regionCode}-${r.fundCode}`}>
                {regionName(r.regionCode)} · {r.fundCode}: {formatFen(r.executedFen, lang)} /{' '}
                {formatFen(r.receivedFen, lang)} = {formatPermille(r.ratePermille)}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
