import { citationIn } from '@huimin/policy/citations';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.js';
import { formatFen, formatPermille, punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { PeriodsTable, ScheduleTable } from './loan-lists.js';

/** What the loan routes answer, from the generated API types. */
type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
export type Loan = Json<paths['/api/v1/loans/{id}']['get']['responses'][200]>;
export type LoanRow = Json<paths['/api/v1/loans']['get']['responses'][200]>[number];
export type Institution = Json<paths['/api/v1/loans/institutions']['get']['responses'][200]>[number];
export type RegisterRow = Json<paths['/api/v1/loans/register']['get']['responses'][200]>[number];

const COLOURS: Record<string, string> = {
  applied: 'processing',
  qualified: 'processing',
  guaranteed: 'processing',
  active: 'success',
  repaid: 'default',
  'not-qualified': 'error',
  'guarantee-refused': 'error',
  defaulted: 'error',
  compensated: 'warning',
};

export function LoanState({ state }: { state: LoanRow['state'] }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[state]}>{t(`loans.states.${state}`)}</Tag>;
}

/** A rate in basis points as a percentage ("3.45%"). */
export const ratePercent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

/**
 * One loan in full: its terms, the cited limits, the schedule, and each quarter's subsidy and claim.
 * `reload` is the staff desk's: with it the two lists are staff ProTables (see loan-lists.tsx).
 */
export function LoanDetails({ loan, reload }: { loan: Loan; reload?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const money = (fen: number | null) => (fen === null ? '—' : formatFen(fen, lang));
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('loans.number')}>{loan.number}</Descriptions.Item>
        <Descriptions.Item label={t('loans.borrowerName')}>{loan.borrowerName}</Descriptions.Item>
        <Descriptions.Item label={t('loans.region')}>{regionName(loan.regionCode)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.state')}>
          <LoanState state={loan.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('loans.borrower')}>{t(`loans.borrowers.${loan.borrower}`)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.requestedAmount')}>{money(loan.requestedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.bank')}>{loan.bank.name}</Descriptions.Item>
        <Descriptions.Item label={t('loans.guarantor')}>{loan.guarantor.name}</Descriptions.Item>
        <Descriptions.Item label={t('loans.appliedOn')}>{loan.appliedOn}</Descriptions.Item>
        {loan.counterGuaranteeWaived !== null ? (
          <Descriptions.Item label={t('loans.counterGuarantee')}>
            {loan.counterGuaranteeWaived
              ? t('loans.counterWaived')
              : loan.counterGuarantee
                ? `${t(`loans.counterKinds.${loan.counterGuarantee.kind}`)}${punctuation(lang).colon}${loan.counterGuarantee.note}`
                : t('loans.counterRequired')}
          </Descriptions.Item>
        ) : null}
        {loan.principalFen !== null ? (
          <Descriptions.Item label={t('loans.principal')}>{money(loan.principalFen)}</Descriptions.Item>
        ) : null}
        {loan.annualRateBp !== null ? (
          <Descriptions.Item label={t('loans.rate')}>{ratePercent(loan.annualRateBp)}</Descriptions.Item>
        ) : null}
        {loan.disbursedOn ? (
          <Descriptions.Item label={t('loans.disbursedOn')}>{loan.disbursedOn}</Descriptions.Item>
        ) : null}
        {loan.maturesOn ? <Descriptions.Item label={t('loans.maturesOn')}>{loan.maturesOn}</Descriptions.Item> : null}
        {loan.extendedTo ? (
          <Descriptions.Item label={t('loans.extendedTo')}>{loan.extendedTo}</Descriptions.Item>
        ) : null}
        {loan.endedOn ? <Descriptions.Item label={t('loans.endedOn')}>{loan.endedOn}</Descriptions.Item> : null}
        {loan.reason ? <Descriptions.Item label={t('loans.reason')}>{loan.reason}</Descriptions.Item> : null}
        <Descriptions.Item label={t('loans.subsidyPaid')}>
          <span data-testid="loan-subsidy-paid">{money(loan.subsidyPaidFen)}</span>
        </Descriptions.Item>
        {loan.compensationFen !== null ? (
          <Descriptions.Item label={t('loans.compensation')}>{money(loan.compensationFen)}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5}>{t('loans.limits')}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        {loan.limits.map((l) => (
          <Descriptions.Item key={l.parameter} label={t(`loans.parameters.${l.parameter}`, { defaultValue: '—' })}>
            {l.parameter.endsWith('-permille')
              ? formatPermille(l.value)
              : l.parameter.endsWith('-months')
                ? l.value
                : money(l.value)}
            {l.cites ? `${punctuation(lang).open}${citationIn(l.cites, lang)}${punctuation(lang).close}` : ''}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {loan.schedule.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('loans.schedule')}</Typography.Title>
          <ScheduleTable loan={loan} reload={reload} />
        </>
      ) : null}
      {loan.periods.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('loans.periods')}</Typography.Title>
          <PeriodsTable loan={loan} reload={reload} />
        </>
      ) : null}
    </>
  );
}
