import { useTranslation } from 'react-i18next';
import { formatFen, punctuation } from '../../components/format.js';

/** The loan a 贴息 claim is for, as the claim stores it (the policy package's `Loan`). */
interface LoanClaimValue {
  borrower?: string;
  principalFen?: number;
  annualRateBp?: number;
  termMonths?: number;
  contractedOn?: string;
  period?: { key?: string; from?: string; to?: string; interestFen?: number; repaidOnTime?: boolean };
}

/** A loan in a claim in words: who borrowed, how much at what rate for how long, and the quarter claimed. */
export function LoanClaim({ value }: { value: LoanClaimValue }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = value.period;
  const marks = punctuation(lang);
  return (
    <span data-testid="claim-loan">
      <div>
        {value.borrower ? t(`loans.borrowers.${value.borrower}`) : ''}
        {value.principalFen !== undefined ? ` · ${t('loans.principal')} ${formatFen(value.principalFen, lang)}` : ''}
        {value.annualRateBp !== undefined ? ` · ${t('loans.rate')} ${value.annualRateBp / 100}%` : ''}
        {value.termMonths !== undefined ? ` · ${t('loans.term')} ${value.termMonths}` : ''}
      </div>
      {p ? (
        <div>
          {t('loans.period')} {p.key}
          {`${marks.open}${p.from ?? ''} — ${p.to ?? ''}${marks.close}`}
          {p.interestFen !== undefined ? ` · ${t('loans.interest')} ${formatFen(p.interestFen, lang)}` : ''}
          {p.repaidOnTime !== undefined
            ? ` · ${t('loans.onTime')}${marks.colon}${p.repaidOnTime ? t('loans.yes') : t('loans.no')}`
            : ''}
        </div>
      ) : null}
    </span>
  );
}
