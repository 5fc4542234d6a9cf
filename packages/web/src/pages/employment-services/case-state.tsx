import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssistanceCase } from './employment-common.js';

/** The 1+3+1 progress of a graduate's case, in words; a dash for a case without the promise, as any empty cell. */
export function PromiseText({ c }: { c: AssistanceCase }) {
  const { t } = useTranslation();
  if (!c.promise) return '—';
  const p = c.promise;
  return (
    <>
      {t('employment.cases.promiseText', {
        g: p.guidanceDone,
        gt: p.guidance,
        r: p.referralsDone,
        rt: p.referrals,
        o: p.offersDone,
        ot: p.offers,
      })}
    </>
  );
}

/** A case's state: open (overdue or not) or closed, with why. */
export function CaseState({ c }: { c: AssistanceCase }) {
  const { t } = useTranslation();
  if (c.closedOn)
    return (
      <Tag color="green">
        {t('employment.cases.closed', { reason: c.closeReason ? t(`employment.closeReasons.${c.closeReason}`) : '' })}
      </Tag>
    );
  return c.overdue ? (
    <Tag color="red">{t('employment.cases.overdue')}</Tag>
  ) : (
    <Tag color="blue">{t('employment.cases.openState')}</Tag>
  );
}
