import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPermille } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { LoanState, type LoanRow, type RegisterRow } from './loan-common.js';

/** The register's totals by region (创业担保贷款台账): counts, balance, 贴息 paid and the default rate. */
export function useRegisterColumns(): StaffColumn<RegisterRow>[] {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const col = useStaffColumns<RegisterRow>();
  return [
    col.text(t('loans.region'), 'region', (r) => regionName(r.regionCode), { sorted: true }),
    col.count(t('loans.count'), 'count', (r) => r.count),
    col.count(t('loans.active'), 'active', (r) => r.active),
    col.money(t('loans.balance'), 'balance', (r) => r.balanceFen),
    col.money(t('loans.subsidyPaid'), 'subsidyPaid', (r) => r.subsidyPaidFen),
    col.count(t('loans.defaulted'), 'defaulted', (r) => r.defaulted),
    col.count(t('loans.defaultRate'), 'defaultRate', (r) => r.defaultRatePermille, {
      render: (_, r) => formatPermille(r.defaultRatePermille),
      sheet: (r) => formatPermille(r.defaultRatePermille),
      sheetFormat: undefined,
    }),
  ];
}

/**
 * The desk's loans: the number opens the loan below the list; state, region and bank filter in
 * the headers; the buttons are those of the caller's part at the loan's state. A bank's officer
 * sees only the bank's own loans, so for them the bank column would repeat one name: it is left out.
 */
export function useLoanColumns(
  rows: readonly LoanRow[],
  actions: { open: (l: LoanRow) => void; buttons: (l: LoanRow) => ReactNode },
  showBank: boolean,
): StaffColumn<LoanRow>[] {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const col = useStaffColumns<LoanRow>();
  return [
    col.text(t('loans.number'), 'number', (l) => l.number, {
      sorted: true,
      // Pinned, as the buttons are, so a row scrolled sideways still says which loan it is.
      fixed: 'left',
      render: (_, l) => (
        <Button size="small" onClick={() => actions.open(l)}>
          {l.number}
        </Button>
      ),
    }),
    col.text(t('loans.borrowerName'), 'borrower', (l) => l.borrowerName, { sorted: true }),
    col.choice(t('loans.region'), 'region', rows, (l) => l.regionCode, regionName),
    col.choice(
      t('loans.state'),
      'state',
      rows,
      (l) => l.state,
      (s) => t(`loans.states.${s}`),
      { render: (_, l) => <LoanState state={l.state} /> },
    ),
    // The cells show the unit (¥50,000.00, 50,000 元); the sheet's header says 元 for its bare numbers.
    col.money(t('loans.requestedAmount'), 'requested', (l) => l.requestedFen),
    ...(showBank ? [col.choice(t('loans.bank'), 'bank', rows, (l) => l.bank.name, String)] : []),
    col.date(t('loans.appliedOn'), 'appliedOn', (l) => l.appliedOn),
    col.money(t('loans.subsidyPaid'), 'subsidyPaid', (l) => l.subsidyPaidFen),
    col.actions(t('loans.actions'), actions.buttons),
  ];
}
