import { citationIn } from '@huimin/policy/citations';
import { Alert, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.js';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatPermille } from '../../components/format.js';
import { StaffTable, useStaffColumns } from '../../components/staff-table.js';

import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
type Report = Json<paths['/api/v1/loans/awards']['get']['responses'][200]>;
type Row = Report['rows'][number];

/**
 * 创业担保贷款奖补: the year's report of the bureau's region — each bank and guarantee institution,
 * its new loans and the award at the share the region set, with the region's document — and, for
 * 人社, the button that files the awards (one claim per institution, paid to it once approved).
 * With no share set the report says so and nothing can be filed.
 */
export function LoanAwardsCard({ canFile }: { canFile: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const english = lang === 'en-US';
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const report = useLoad(() => api<Report>('GET', `/api/v1/loans/awards?year=${year}`), [year]);
  const act = useSubmit();
  const [done, setDone] = useState<string>();
  const col = useStaffColumns<Row>();
  const rows = report.data?.rows ?? [];
  const claimOf = (r: Row) =>
    r.claim === null
      ? t('loans.awards.notFiled')
      : r.claim.state
        ? t(`states.${r.claim.state}`)
        : t('loans.awards.filing');
  const columns = [
    col.text(t('loans.awards.institution'), 'name', (r) => r.name, { sorted: true }),
    col.choice(
      t('loans.awards.role'),
      'role',
      rows,
      (r) => r.role,
      (v) => t(`loans.awards.roles.${v}`),
    ),
    col.count(t('loans.awards.newLoans'), 'newLoans', (r) => r.newLoans),
    col.money(t('loans.awards.newLoanAmount'), 'newLoanFen', (r) => r.newLoanFen),
    col.text(t('loans.awards.share'), 'share', (r) =>
      r.sharePermille === null ? t('loans.awards.noShare') : formatPermille(r.sharePermille),
    ),
    col.money(t('loans.awards.award'), 'awardFen', (r) => r.awardFen),
    col.text(t('loans.awards.basis'), 'basis', (r) =>
      r.sharePermille === null ? '—' : r.basis ? citationIn(r.basis, i18n.language) : '—',
    ),
    col.text(t('loans.awards.claim'), 'claim', claimOf),
  ];
  const file = async () => {
    const res = await act.run(() => api<{ filed: number; awardFen: number }>('POST', '/api/v1/loans/awards', { year }));
    if (res) setDone(t('loans.awards.filed', { filed: res.filed, amount: formatFen(res.awardFen, lang) }));
    report.reload();
  };
  const data = report.data;
  return (
    <Card size="small" title={t('loans.awards.title')} data-testid="loan-awards">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('loans.awards.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2999}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="loan-awards-year"
          />
          {canFile ? (
            <Button
              type="primary"
              disabled={!data?.ruleSet || data.totals.awardFen === 0}
              loading={act.busy}
              onClick={() => void file()}
              data-testid="loan-awards-file"
            >
              {t('loans.awards.file')}
            </Button>
          ) : null}
        </Space>
        <ErrorAlert error={report.error ?? act.error} />
        {done ? <Alert type="success" showIcon title={done} /> : null}
        {data?.rules.map((r) => (
          <Alert
            key={r.role}
            type={r.set ? 'info' : 'warning'}
            showIcon
            title={english ? r.summary.en : r.summary.zh}
            data-testid={`loan-awards-rule-${r.role}`}
          />
        ))}
        <StaffTable<Row>
          emptyText={t('empty.loanAwards')}
          rowKey="institutionId"
          loading={report.loading}
          rows={rows}
          columns={columns}
          reload={report.reload}
          pageSize={false}
          exportAs={`loan-awards-${year}.xlsx`}
          testId="loan-awards-table"
        />
        {data ? (
          <Typography.Text data-testid="loan-awards-total">
            {t('loans.awards.total', {
              count: data.totals.newLoans,
              amount: formatFen(data.totals.newLoanFen, lang),
              award: formatFen(data.totals.awardFen, lang),
            })}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
