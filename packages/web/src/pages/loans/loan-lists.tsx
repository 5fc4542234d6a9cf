import { ProTable } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { pick } from '../../components/format.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import type { Loan } from './loan-common.js';
import { quarterText } from '../applications/period-text.js';

type Instalment = Loan['schedule'][number];
type Period = Loan['periods'][number];

/**
 * A loan's two lists, the same columns for the borrower and for staff: on the staff desk a staff
 * ProTable (header filters, sorting, density, refresh, column settings, export of the rows shown,
 * money as numbers of 元); on the borrower's own page the bare table, without the back office's
 * toolbar.
 */
/** The borrower's columns: the same, without the back office's header filters and sorting. */
function plain<T>(columns: StaffColumn<T>[]): StaffColumn<T>[] {
  return columns.map(({ filters: _f, onFilter: _o, sorter: _s, defaultSortOrder: _d, ...column }) => column);
}

interface LoanListProps {
  loan: Loan;
  /** The staff desk's refresh; without it the list is the borrower's and has no toolbar. */
  reload?: (() => void) | undefined;
}

/** 还款计划: each instalment of principal and when it falls due. */
export function ScheduleTable({ loan, reload }: LoanListProps) {
  const { t } = useTranslation();
  const col = useStaffColumns<Instalment>();
  const columns: StaffColumn<Instalment>[] = [
    col.count(t('loans.seq'), 'seq', (r) => r.seq, { align: undefined, defaultSortOrder: 'ascend' }),
    col.date(t('loans.dueOn'), 'dueOn', (r) => r.dueOn),
    col.money(t('loans.instalment'), 'instalment', (r) => r.principalFen),
  ];
  if (!reload)
    return (
      <ProTable<Instalment>
        size="small"
        rowKey="seq"
        search={false}
        options={false}
        toolBarRender={false}
        pagination={false}
        dataSource={loan.schedule}
        columns={plain(columns)}
      />
    );
  return (
    <StaffTable<Instalment>
      emptyText={t('empty.loanSchedule')}
      rowKey="seq"
      pageSize={false}
      rows={loan.schedule}
      columns={columns}
      reload={reload}
      exportAs={`${loan.number}-schedule.xlsx`}
      testId="loan-schedule"
    />
  );
}

/** 贴息: each quarter's interest, whether it was repaid on time, the subsidy and its claim. */
export function PeriodsTable({ loan, reload }: LoanListProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const col = useStaffColumns<Period>();
  const yesNo = (v: string) => (v === 'yes' ? t('loans.yes') : t('loans.no'));
  // A quarter that earns no subsidy has nothing for the bank to claim: not "not yet claimed".
  const claim = (p: Period) =>
    p.claimState === 'paid'
      ? 'paid'
      : p.claimState !== null
        ? 'other'
        : p.outcome === 'subsidised'
          ? 'none'
          : 'nothing';
  const outcome = (p: Period) => t(`loans.outcomes.${p.outcome}`, { defaultValue: '—' });
  /** The outcome with what explains it, said once where the explanation already says it. */
  const outcomeSaid = (p: Period) => {
    const why = pick(p.explanation, lang);
    return !why || why.includes(outcome(p)) ? why || outcome(p) : `${outcome(p)} · ${why}`;
  };
  const columns: StaffColumn<Period>[] = [
    // Sorted by the key (2025-Q3), shown in words (2025年第3季度, Q3 2025).
    col.text(t('loans.period'), 'period', (p) => p.period, {
      sorted: true,
      defaultSortOrder: 'ascend',
      render: (_, p) => quarterText(p.period, t),
      sheet: (p) => quarterText(p.period, t),
    }),
    col.money(t('loans.interest'), 'interest', (p) => p.interestFen),
    col.choice(t('loans.onTime'), 'onTime', loan.periods, (p) => (p.repaidOnTime ? 'yes' : 'no'), yesNo),
    col.money(t('loans.subsidy'), 'subsidy', (p) => p.subsidyFen),
    col.choice(
      t('loans.state'),
      'outcome',
      loan.periods,
      (p) => p.outcome,
      (o) => t(`loans.outcomes.${o}`, { defaultValue: '—' }),
      {
        render: (_, p) => outcomeSaid(p),
        sheet: (p) => outcomeSaid(p),
      },
    ),
    col.choice(t('loans.claim'), 'claim', loan.periods, claim, (c) => t(`loans.claimStates.${c}`)),
  ];
  if (!reload)
    return (
      <ProTable<Period>
        size="small"
        rowKey="period"
        search={false}
        options={false}
        toolBarRender={false}
        pagination={false}
        // Wider than a phone: it scrolls within itself, not the whole page sideways.
        scroll={{ x: true }}
        dataSource={loan.periods}
        columns={plain(columns)}
        data-testid="loan-periods"
      />
    );
  return (
    <StaffTable<Period>
      emptyText={t('empty.loanPeriods')}
      rowKey="period"
      pageSize={false}
      rows={loan.periods}
      columns={columns}
      reload={reload}
      exportAs={`${loan.number}-subsidy.xlsx`}
      testId="loan-periods"
    />
  );
}
