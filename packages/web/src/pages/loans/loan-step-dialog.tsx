import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { fenAsYuanInput, formatFen, parseYuan } from '../../components/format.js';
import { showOnFields } from '../../components/server-field-errors.js';
import { useLoad } from '../../components/use-load.js';
import type { Loan, LoanRow } from './loan-common.js';
import { inRange } from '../../components/valid-values.js';

/** A step of a loan that needs more than a click: what is asked, and of which loan. */
export type LoanStep =
  | 'guarantee-counter'
  | 'contract'
  | 'repayment'
  | 'default'
  | 'refuse-qualification'
  | 'refuse-guarantee'
  | 'compensation';

interface Values {
  principal?: string;
  rate?: string;
  termMonths?: number;
  on?: Dayjs;
  reason?: string;
  amount?: string;
  counterKind?: 'guarantor' | 'mortgage' | 'pledge';
  counterNote?: string;
}

/** The request each step sends, and the form's name for each field the server may refuse. */
const STEPS: Record<LoanStep, { path: string; body: (v: Values) => object; fields: Record<string, string> }> = {
  'guarantee-counter': {
    path: 'guarantee',
    body: (v) => ({
      approve: true,
      counterGuarantee: true,
      counterGuaranteeKind: v.counterKind,
      counterGuaranteeNote: v.counterNote?.trim(),
    }),
    fields: { counterGuaranteeKind: 'counterKind', counterGuaranteeNote: 'counterNote' },
  },
  contract: {
    path: 'contract',
    body: (v) => ({
      principalFen: parseYuan(v.principal ?? '') ?? 0,
      // A rate in percent with two decimals is, digit for digit, basis points.
      annualRateBp: parseYuan(v.rate ?? '') ?? 0,
      termMonths: v.termMonths,
      disbursedOn: day(v.on),
    }),
    fields: { principalFen: 'principal', annualRateBp: 'rate', termMonths: 'termMonths', disbursedOn: 'on' },
  },
  repayment: { path: 'repayment', body: (v) => ({ on: day(v.on) }), fields: { on: 'on' } },
  default: {
    path: 'default',
    body: (v) => ({ on: day(v.on), reason: v.reason?.trim() }),
    fields: { on: 'on', reason: 'reason' },
  },
  'refuse-qualification': {
    path: 'qualification',
    body: (v) => ({ approve: false, reason: v.reason?.trim() }),
    fields: { reason: 'reason' },
  },
  'refuse-guarantee': {
    path: 'guarantee',
    body: (v) => ({ approve: false, reason: v.reason?.trim() }),
    fields: { reason: 'reason' },
  },
  compensation: {
    path: 'compensation',
    body: (v) => ({ amountFen: parseYuan(v.amount ?? '') ?? 0, compensatedOn: day(v.on) }),
    fields: { amountFen: 'amount', compensatedOn: 'on' },
  },
};

function day(d: Dayjs | undefined): string {
  return d?.format('YYYY-MM-DD') ?? '';
}

/**
 * The principal still to be repaid on the day of default by the loan's schedule: the instalments
 * falling due after that day. What 代偿 is asked to cover by default; the guarantor may change it.
 */
export function principalOutstanding(loan: Pick<Loan, 'principalFen' | 'schedule' | 'endedOn'>): number | undefined {
  if (loan.principalFen === null || !loan.endedOn) return undefined;
  const ended = loan.endedOn;
  const due = loan.schedule.filter((i) => i.dueOn <= ended).reduce((sum, i) => sum + i.principalFen, 0);
  return Math.max(0, loan.principalFen - due);
}

/**
 * One dialog for the loan steps that ask for a day, an amount or a reason. It names the loan,
 * checks what it can before sending, and stays open with the server's refusal inside it (under the
 * field it names) until the step is taken: a refusal behind the dialog, or a dialog that closed on
 * one, left the officer not knowing whether anything happened.
 */
export function LoanStepDialog({
  step,
  loan,
  onClose,
  onDone,
}: {
  step: LoanStep;
  loan: LoanRow;
  onClose: () => void;
  onDone: (loan: Loan) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const detail = useLoad(
    () => (step === 'compensation' ? api<Loan>('GET', `/api/v1/loans/${loan.id}`) : Promise.resolve(undefined)),
    [step, loan.id],
  );
  const outstanding = detail.data ? principalOutstanding(detail.data) : undefined;
  useEffect(() => {
    if (outstanding !== undefined) form.setFieldsValue({ amount: fenAsYuanInput(outstanding) });
  }, [form, outstanding]);
  const money = (fen: number) => formatFen(fen, i18n.language);
  const required = (field: string) => ({ required: true, message: t('validation.required', { field }) });
  /** A figure with at most two decimals above zero: 元 (an amount) or % (a rate, read as basis points). */
  const figureItem = (name: keyof Values, label: string, testId: string, kind: 'amount' | 'rate') => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        required(label),
        {
          validator: async (_: unknown, v: string | undefined) =>
            !v || (parseYuan(v) ?? 0) > 0
              ? undefined
              : Promise.reject(new Error(t(`validation.${kind}`, { field: label }))),
        },
      ]}
    >
      <Input inputMode="decimal" data-testid={testId} />
    </Form.Item>
  );
  const send = async (v: Values) => {
    const { path, body, fields } = STEPS[step];
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api<Loan>('POST', `/api/v1/loans/${loan.id}/${path}`, body(v)));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const placed = showOnFields(form, e, (p) => {
        const name = typeof p[0] === 'string' ? fields[p[0]] : undefined;
        return name ? [name] : null;
      });
      if (!placed) setError(e);
    } finally {
      setBusy(false);
    }
  };
  const title = {
    'guarantee-counter': t('loans.guaranteeCounterTitle'),
    contract: t('loans.contractTitle'),
    repayment: t('loans.repay'),
    default: t('loans.default'),
    'refuse-qualification': t('loans.refuse'),
    'refuse-guarantee': t('loans.refuseGuarantee'),
    compensation: t('loans.compensate'),
  }[step];
  const dayLabel = {
    'guarantee-counter': '',
    contract: t('loans.disbursedOn'),
    repayment: t('loans.repaidOn'),
    default: t('loans.defaultedOn'),
    compensation: t('loans.compensatedOn'),
    'refuse-qualification': '',
    'refuse-guarantee': '',
  }[step];
  return (
    <Modal
      open
      title={`${title} · ${loan.number} ${loan.borrowerName}`}
      okText={step === 'compensation' ? t('loans.compensateConfirm') : t('loans.save')}
      // The id every confirming dialog's button has (the browser walks press it until the dialog closes).
      okButtonProps={{ id: 'action-confirm', danger: step === 'compensation' || step === 'default' }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {step === 'compensation' && loan.principalFen !== null ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('loans.compensateAsk', {
            principal: money(loan.principalFen),
            date: loan.endedOn ?? '',
            outstanding: outstanding === undefined ? '—' : money(outstanding),
          })}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          termMonths: 36,
          ...(step === 'compensation' && loan.endedOn ? { on: dayjs(loan.endedOn) } : {}),
        }}
        onFinish={(v) => void send(v)}
      >
        {step === 'contract' ? (
          <>
            {figureItem('principal', t('loans.principalYuan'), 'contract-principal', 'amount')}
            {figureItem('rate', t('loans.ratePercent'), 'contract-rate', 'rate')}
            <Form.Item name="termMonths" label={t('loans.term')} rules={[required(t('loans.term')), inRange(1, 120)]}>
              <InputNumber precision={0} />
            </Form.Item>
          </>
        ) : null}
        {step === 'compensation'
          ? figureItem('amount', t('loans.compensationYuan'), 'compensation-amount', 'amount')
          : null}
        {step === 'guarantee-counter' ? (
          <>
            {/* A choice is not typed: antd's own words (「反担保方式为必填项」), not 请填写. */}
            <Form.Item name="counterKind" label={t('loans.counterKind')} rules={[{ required: true }]}>
              <Radio.Group
                options={(['guarantor', 'mortgage', 'pledge'] as const).map((k) => ({
                  value: k,
                  label: t(`loans.counterKinds.${k}`),
                }))}
                data-testid="counter-kind"
              />
            </Form.Item>
            <Form.Item
              name="counterNote"
              label={t('loans.counterNote')}
              extra={t('loans.counterNoteHint')}
              rules={[required(t('loans.counterNote'))]}
            >
              <Input.TextArea data-testid="counter-note" autoSize={{ minRows: 2 }} maxLength={200} />
            </Form.Item>
          </>
        ) : null}
        {step.startsWith('refuse') || step === 'guarantee-counter' ? null : (
          <Form.Item name="on" label={dayLabel} rules={[required(dayLabel)]}>
            <DatePicker data-testid={step === 'contract' ? 'contract-date' : `loan-${step}-date`} />
          </Form.Item>
        )}
        {step === 'default' || step.startsWith('refuse') ? (
          <Form.Item name="reason" label={t('loans.reason')} rules={[required(t('loans.reason'))]}>
            <Input.TextArea data-testid="loan-reason" autoSize={{ minRows: 2 }} />
          </Form.Item>
        ) : null}
      </Form>
      <ErrorAlert error={error ?? detail.error} />
      {step === 'compensation' ? <Typography.Text type="secondary">{t('loans.compensateNote')}</Typography.Text> : null}
    </Modal>
  );
}
