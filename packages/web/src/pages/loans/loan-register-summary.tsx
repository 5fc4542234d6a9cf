import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatPermille } from '../../components/format.js';
import { StaffTable } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import type { RegisterRow } from './loan-common.js';
import { useRegisterColumns } from './loan-columns.js';
import { totalRatePermille } from './register-totals.js';

/**
 * The loan register's totals for the dashboard (创业担保贷款台账): loans, balance and 贴息 paid in
 * the caller's regions, each region's row with its default rate, and the way to the loans desk.
 * The same read as the desk's register (`GET /api/v1/loans/register`).
 */
export function LoanRegisterSummary() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const register = useLoad(() => api<RegisterRow[]>('GET', '/api/v1/loans/register'), []);
  const columns = useRegisterColumns();
  const rows = register.data ?? [];
  const sum = (f: (r: RegisterRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return (
    <Card
      size="small"
      title={t('loans.dashboardTitle')}
      extra={
        <Link to="/loans" data-testid="dashboard-loans-link">
          {t('loans.dashboardOpen')}
        </Link>
      }
      data-testid="dashboard-loans"
    >
      <ErrorAlert error={register.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('loans.count')} value={sum((r) => r.count)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title={t('loans.balance')}
            value={formatFen(
              sum((r) => r.balanceFen),
              lang,
            )}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title={t('loans.subsidyPaid')}
            value={formatFen(
              sum((r) => r.subsidyPaidFen),
              lang,
            )}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('loans.defaulted')} value={sum((r) => r.defaulted)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title={t('loans.defaultRate')}
            value={formatPermille(totalRatePermille(rows))}
            data-testid="dashboard-loans-default-rate"
          />
        </Col>
        <Col xs={24}>
          <StaffTable<RegisterRow>
            emptyText={t('empty.loanRegisterSummary')}
            rowKey="regionCode"
            loading={register.loading}
            rows={rows}
            columns={columns}
            reload={register.reload}
            pageSize={false}
            exportAs="loan-register.xlsx"
            testId="dashboard-loan-register"
          />
        </Col>
      </Row>
    </Card>
  );
}
