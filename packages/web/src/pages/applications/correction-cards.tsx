import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/schema.js';
import { punctuation } from '../../components/format.js';
import { useSession } from '../../session/session.js';

const newestFirst = (application: Application) => [...(application.events ?? [])].reverse();

/** While returned (退回补正, or a lapsed 容缺 promise): what the step that returned it asked for. */
export function correctionAsked(application: Application): string | undefined {
  if (application.state !== 'returned') return undefined;
  return newestFirst(application).find((e) => e.toState === 'returned')?.reason;
}

/**
 * 补正 on an application's page: while returned, what was asked; back from it and waiting for 受理,
 * what was asked and what the applicant did, for the clerk who accepts (decision 029).
 */
export function CorrectionCards({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const colon = punctuation(i18n.language).colon;
  const asked = correctionAsked(application);
  const [latest] = newestFirst(application);
  const back =
    application.state === 'submitted' && latest?.action === 'resubmit' && can('application:accept')
      ? { asked: newestFirst(application).find((e) => e.toState === 'returned')?.reason, note: latest.reason }
      : undefined;
  return (
    <>
      {asked ? (
        <Card size="small" style={{ borderColor: '#fa8c16' }} data-testid="correction-request">
          <Typography.Text strong>{t('application.correctionRequested')}</Typography.Text> {asked}
        </Card>
      ) : null}
      {back ? (
        <Card size="small" style={{ borderColor: '#1677ff' }} data-testid="resubmitted">
          <Typography.Text strong>{t('application.resubmitted')}</Typography.Text>
          {back.asked ? (
            <div>
              {t('application.asked')}
              {colon}
              {back.asked}
            </div>
          ) : null}
          <div>
            {t('application.correctionNote')}
            {colon}
            {back.note ?? t('application.filesOnly')}
          </div>
        </Card>
      ) : null}
    </>
  );
}
