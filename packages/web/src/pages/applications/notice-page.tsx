import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.js';
import type { Application } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';

/** Which notice a state calls for: 受理通知书, 不予受理通知书, 补正通知书. */
export const NOTICE_OF_STATE: Record<string, 'acceptance' | 'non-acceptance' | 'correction' | undefined> = {
  accepted: 'acceptance',
  reviewed: 'acceptance',
  approved: 'acceptance',
  publicised: 'acceptance',
  payable: 'acceptance',
  paid: 'acceptance',
  'not-accepted': 'non-acceptance',
  returned: 'correction',
};

const EVENT_OF_NOTICE = { acceptance: 'accept', 'non-acceptance': 'not-accept', correction: 'return' } as const;

/**
 * A notice laid out for A4 and the browser's print dialog: the bureau's wording, the application,
 * the decision's date and, for a refusal or a correction, the reason as the clerk recorded it.
 */
export function NoticePage() {
  const { id = '', kind = 'acceptance' } = useParams();
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const { data, error } = useLoad(() => api<Application>('GET', `/api/v1/applications/${id}`), [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const noticeKind = kind as keyof typeof EVENT_OF_NOTICE;
  const event = [...(data.events ?? [])]
    .reverse()
    .find((e) => e.action === EVENT_OF_NOTICE[noticeKind] || (noticeKind === 'acceptance' && e.action === 'prepare'));
  const on = event ? event.at.slice(0, 10) : '';
  return (
    <div className="a4" data-testid="notice">
      <Button className="no-print" onClick={() => window.print()} style={{ marginBottom: 16 }}>
        {t('notice.printButton')}
      </Button>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {t(`notice.kinds.${noticeKind}`)}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'right' }}>
        {t('notice.number', { number: data.number })}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('notice.to', { name: data.applicant.name })}</Typography.Paragraph>
      <Typography.Paragraph>
        {t(`notice.body.${noticeKind}`, {
          date: data.submittedOn ?? '',
          subsidy: pick(data.subsidyName, i18n.language),
          due: data.dueOn ?? '',
        })}
      </Typography.Paragraph>
      {event?.reason ? (
        <Typography.Paragraph>
          {t('notice.reason')}: {event.reason}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph>{t(`notice.closing.${noticeKind}`)}</Typography.Paragraph>
      <div style={{ marginTop: 64, textAlign: 'right' }}>
        <p>{t('notice.issuer', { region: regionName(data.regionCode) })}</p>
        <p>{on}</p>
      </div>
    </div>
  );
}
