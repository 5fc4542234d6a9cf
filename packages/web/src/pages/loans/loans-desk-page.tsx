import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen } from '../../components/format.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { StaffTable } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { LoanAwardsCard } from './loan-awards-card.js';
import { LoanDetails, type Loan, type LoanRow, type RegisterRow } from './loan-common.js';
import { LoanStepDialog, type LoanStep } from './loan-step-dialog.js';
import { useLoanColumns, useRegisterColumns } from './loan-columns.js';

/**
 * One desk for everyone who handles a loan after it is applied for, each seeing the loans and the
 * buttons of their part: 人社 reviews the qualification and files the 贴息 claims; the guarantee
 * institution guarantees and compensates; the bank records the contract, the ends and its quarterly
 * statement; the bureau's readers see the register's totals and the year's awards (奖补).
 */
export function LoansDeskPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const { message } = App.useApp();
  const can = (p: string) => account?.permissions.includes(p as never) ?? false;
  const [open, setOpen] = useState<string>();
  const [asking, setAsking] = useState<{ step: LoanStep; loan: LoanRow }>();
  const loans = useLoad(() => api<LoanRow[]>('GET', '/api/v1/loans'), []);
  const detail = useLoad(() => (open ? api<Loan>('GET', `/api/v1/loans/${open}`) : Promise.resolve(undefined)), [open]);
  // A loan opened from the list shows below the whole list: brought into view once it has come, so
  // the click visibly does something; not again when the same loan is read anew after a step.
  const shown = useRef<string>(undefined);
  const detailCard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) shown.current = undefined;
    const id = detail.data?.id;
    if (!id || id !== open || shown.current === id) return;
    shown.current = id;
    detailCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [detail.data, open]);
  const register = useLoad(
    () => (can('loan:read') ? api<RegisterRow[]>('GET', '/api/v1/loans/register') : Promise.resolve([])),
    [],
  );
  const act = useSubmit();
  const money = (fen: number | null) => (fen === null ? '—' : formatFen(fen, lang));

  /** A step taken, by a click or in its dialog: said with the loan's new state, and the lists read again. */
  const taken = (done: Loan) => {
    void message.success(t('loans.stepDone', { number: done.number, state: t(`loans.states.${done.state}`) }));
    loans.reload();
    if (open === done.id) detail.reload();
    register.reload();
  };
  const post = async (id: string, path: string, body: unknown) => {
    const done = await act.run(() => api<Loan>('POST', `/api/v1/loans/${id}/${path}`, body));
    if (done) taken(done);
  };
  const ask = (step: LoanStep, loan: LoanRow) => setAsking({ step, loan });
  const asked = (done: Loan) => {
    setAsking(undefined);
    taken(done);
  };
  const fileClaims = async () => {
    const done = await act.run(() => api<{ filed: number; subsidyFen: number }>('POST', '/api/v1/loans/claims'));
    if (done) void message.success(t('loans.claimsDone', { filed: done.filed, amount: money(done.subsidyFen) }));
    loans.reload();
  };

  const actions = {
    open: (l: LoanRow) => setOpen(open === l.id ? undefined : l.id),
    buttons: (l: LoanRow) => buttons(l),
  };
  const buttons = (l: LoanRow) => (
    <Space wrap>
      {can('loan:qualify') && l.state === 'applied' ? (
        <>
          <Popconfirm
            title={t('loans.qualifyAsk', { number: l.number, name: l.borrowerName })}
            okButtonProps={{ id: 'action-confirm' }}
            onConfirm={() => post(l.id, 'qualification', { approve: true })}
          >
            <Button size="small" type="primary">
              {t('loans.qualify')}
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => ask('refuse-qualification', l)}>
            {t('loans.refuse')}
          </Button>
        </>
      ) : null}
      {can('loan:guarantee') && l.state === 'qualified' ? (
        <>
          <Popconfirm
            title={t('loans.guaranteeAsk', { number: l.number, name: l.borrowerName })}
            okButtonProps={{ id: 'action-confirm' }}
            onConfirm={() => post(l.id, 'guarantee', { approve: true, counterGuarantee: false })}
          >
            <Button size="small" type="primary">
              {t('loans.guarantee')}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => ask('guarantee-counter', l)}>
            {t('loans.guaranteeCounter')}
          </Button>
          <Button size="small" danger onClick={() => ask('refuse-guarantee', l)}>
            {t('loans.refuseGuarantee')}
          </Button>
        </>
      ) : null}
      {can('loan:bank') && l.state === 'guaranteed' ? (
        <Button size="small" type="primary" onClick={() => ask('contract', l)}>
          {t('loans.contract')}
        </Button>
      ) : null}
      {can('loan:bank') && l.state === 'active' ? (
        <Space>
          <Button size="small" onClick={() => ask('repayment', l)}>
            {t('loans.repay')}
          </Button>
          <Button size="small" danger onClick={() => ask('default', l)}>
            {t('loans.default')}
          </Button>
        </Space>
      ) : null}
      {can('loan:guarantee') && l.state === 'defaulted' ? (
        <Button size="small" danger onClick={() => ask('compensation', l)}>
          {t('loans.compensate')}
        </Button>
      ) : null}
    </Space>
  );

  const registerColumns = useRegisterColumns();
  const loanColumns = useLoanColumns(loans.data ?? [], actions, !can('loan:bank'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('loans.deskTitle')}</Typography.Title>
      <ErrorAlert error={act.error} />
      {can('loan:read') ? (
        <Card size="small" title={t('loans.register')}>
          <ErrorAlert error={register.error} />
          <StaffTable<RegisterRow>
            emptyText={t('empty.loanRegister')}
            rowKey="regionCode"
            rows={register.data ?? []}
            columns={registerColumns}
            reload={register.reload}
            pageSize={false}
            exportAs="loan-register.xlsx"
            testId="loan-register"
          />
        </Card>
      ) : null}
      {can('loan:read') ? <LoanAwardsCard canFile={can('loan:manage')} /> : null}
      {can('loan:manage') ? (
        <Button type="primary" onClick={() => void fileClaims()} loading={act.busy} data-testid="loan-claims">
          {t('loans.claims')}
        </Button>
      ) : null}
      {can('loan:bank') ? (
        <Card size="small" title={t('loans.statement')}>
          <Button onClick={() => void download('/api/v1/loans/statements/template', 'loan-statement-template.xlsx')}>
            {t('loans.statementTemplate')}
          </Button>
          <SheetUpload<{ period: string; rows: number; subsidyFen: number }>
            path="/api/v1/loans/statements"
            testId="loan-statement"
            onDone={(r) => {
              void message.success(
                t('loans.statementDone', {
                  period: r.period,
                  rows: r.rows,
                  count: r.rows,
                  amount: money(r.subsidyFen),
                }),
              );
              loans.reload();
            }}
          />
        </Card>
      ) : null}
      <ErrorAlert error={loans.error} />
      <StaffTable<LoanRow>
        emptyText={t('empty.loans')}
        rowKey="id"
        loading={loans.loading}
        rows={loans.data ?? []}
        columns={loanColumns}
        reload={loans.reload}
        search={{
          placeholder: t('backOffice.lists.loans'),
          texts: (l) => [l.number, l.borrowerName, l.bank.name],
          testId: 'loan-search',
        }}
        exportAs="loans.xlsx"
        testId="loan-table"
      />
      {open && detail.data ? (
        <Card size="small" ref={detailCard} data-testid="loan-detail">
          <LoanDetails loan={detail.data} reload={detail.reload} />
        </Card>
      ) : null}
      {asking ? (
        <LoanStepDialog step={asking.step} loan={asking.loan} onClose={() => setAsking(undefined)} onDone={asked} />
      ) : null}
    </Space>
  );
}
