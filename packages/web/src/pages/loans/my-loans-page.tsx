import { citationIn } from '@huimin/policy/citations';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, parseYuan } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { LoanDetails, type Institution, type Loan, type LoanRow } from './loan-common.js';
import { inRange } from '../../components/valid-values.js';
import { quarterText } from '../applications/period-text.js';

type Terms = paths['/api/v1/loans/terms']['get']['responses'][200]['content']['application/json'];
type Borrower = Terms['borrower'];

/**
 * The borrower's own: apply online for a loan, then its schedule and the subsidy the bank received
 * for it. What the region's text allows is said before the form, and where no text is in force the
 * form is not offered: it could only be refused.
 */
export function MyLoansPage() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const region = account?.regionCode ?? '';
  const enterprise = account?.organisationId !== undefined;
  const [borrower, setBorrower] = useState<Borrower>(enterprise ? 'small-micro-enterprise' : 'individual');
  const terms = useLoad(
    () => api<Terms>('GET', `/api/v1/loans/terms${query({ region, borrower })}`),
    [region, borrower],
  );
  const institutions = useLoad(
    () => api<Institution[]>('GET', `/api/v1/loans/institutions${query({ region })}`),
    [region],
  );
  const loans = useLoad(async () => {
    const rows = await api<LoanRow[]>('GET', '/api/v1/loans');
    return Promise.all(rows.map((r) => api<Loan>('GET', `/api/v1/loans/${r.id}`)));
  }, []);
  const apply = useSubmit();
  const banks = (institutions.data ?? []).filter((i) => i.kind === 'bank');
  const guarantors = (institutions.data ?? []).filter((i) => i.kind === 'guarantor');
  const open = loans.data?.some((l) => ['applied', 'qualified', 'guaranteed', 'active', 'defaulted'].includes(l.state));

  const submit = async (values: {
    borrower: string;
    requested: string;
    termMonths: number;
    purpose: string;
    bankId: string;
    guarantorId: string;
  }) => {
    const { requested, ...rest } = values;
    if (await apply.run(() => api('POST', '/api/v1/loans', { ...rest, requestedFen: parseYuan(requested) ?? 0 })))
      loans.reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('loans.title')}</Typography.Title>
      {open ? null : terms.data && !terms.data.limit ? (
        <Alert
          type="info"
          showIcon
          data-testid="loan-not-offered"
          title={t('loans.notOffered', { date: terms.data.on })}
        />
      ) : (
        <Card size="small" title={t('loans.apply')}>
          <ErrorAlert error={terms.error ?? institutions.error ?? apply.error} />
          {terms.data?.limit ? (
            <Typography.Paragraph type="secondary" data-testid="loan-limits">
              {t('loans.limitsToday', {
                limit: formatFen(terms.data.limit.value, i18n.language),
                term: terms.data.maxTermMonths ? t('loans.limitTerm', { months: terms.data.maxTermMonths.value }) : '',
                cites: citationIn(terms.data.limit.cites ?? '', i18n.language),
              })}
            </Typography.Paragraph>
          ) : null}
          <Form
            layout="vertical"
            onFinish={submit}
            initialValues={{ borrower: enterprise ? 'small-micro-enterprise' : 'individual', termMonths: 36 }}
            data-testid="loan-apply"
          >
            <Form.Item name="borrower" label={t('loans.borrower')} rules={[{ required: true }]}>
              <Select
                onChange={(v: Borrower) => setBorrower(v)}
                options={(enterprise ? ['small-micro-enterprise'] : ['individual', 'partnership']).map((b) => ({
                  value: b,
                  label: t(`loans.borrowers.${b}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="requested" label={t('loans.requested')} rules={[{ required: true }]}>
              <Input inputMode="decimal" data-testid="loan-requested" />
            </Form.Item>
            <Form.Item name="termMonths" label={t('loans.term')} rules={[{ required: true }, inRange(1, 120)]}>
              <InputNumber />
            </Form.Item>
            <Form.Item name="purpose" label={t('loans.purpose')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={500} data-testid="loan-purpose" />
            </Form.Item>
            <Form.Item name="bankId" label={t('loans.bank')} rules={[{ required: true }]}>
              <Select data-testid="loan-bank" options={banks.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
            <Form.Item name="guarantorId" label={t('loans.guarantor')} rules={[{ required: true }]}>
              <Select data-testid="loan-guarantor" options={guarantors.map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={apply.busy}>
              {t('loans.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <ErrorAlert error={loans.error} />
      {loans.data?.length === 0 ? <Empty description={t('loans.none')} /> : null}
      {loans.data?.map((l) => (
        <Card key={l.id} size="small" data-testid="my-loan">
          {/* Where the loan stands is said with what the borrower can do about it. */}
          <Alert
            type={['not-qualified', 'guarantee-refused', 'defaulted'].includes(l.state) ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`loans.nextStep.${l.state}`, { bank: l.bank.name, guarantor: l.guarantor.name })}
            data-testid="my-loan-next"
          />
          {l.state === 'active' && l.periods.some((p) => p.outcome === 'overdue') ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('loans.overdueQuarters', {
                periods: l.periods
                  .filter((p) => p.outcome === 'overdue')
                  .map((p) => quarterText(p.period, t))
                  .join(t('backOffice.workflow.separator')),
                bank: l.bank.name,
              })}
              data-testid="my-loan-overdue"
            />
          ) : null}
          <LoanDetails loan={l} />
        </Card>
      ))}
    </Space>
  );
}
