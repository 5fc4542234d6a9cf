import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
type LiveEvent = Json<paths['/api/v1/labour-market/live-events']['get']['responses'][200]>['events'][number];

/**
 * Recruitment events and live streams running now (正在进行的招聘活动、直播带岗), on the seeker's own
 * page: the postings each presents, and a CV (the job-seeking profile) sent to one with a click
 * (简历投递), once per posting. Nothing shows when none is running.
 */
export function LiveEvents() {
  const { t, i18n } = useTranslation();
  const live = useLoad(() => api<{ events: LiveEvent[] }>('GET', '/api/v1/labour-market/live-events'), []);
  const send = useSubmit();
  const [sent, setSent] = useState<Set<string>>(new Set());
  const until = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { timeZone: 'Asia/Shanghai', timeStyle: 'short' });
  if (!live.data?.events.length) return <ErrorAlert error={live.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="live-events">
      <Typography.Title level={4}>{t('events.liveNow')}</Typography.Title>
      <ErrorAlert error={live.error ?? send.error} />
      {live.data.events.map((e) => (
        <Card key={e.id} size="small" title={e.title} extra={<Tag color="red">{t(`events.kinds.${e.kind}`)}</Tag>}>
          <Typography.Paragraph type="secondary">
            {t('events.liveDetail', { base: e.base, anchor: e.anchor || '—', until: until(e.endsAt) })}
          </Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {e.postings.map((p) => {
              const done = e.sent.includes(p.id) || sent.has(`${e.id}/${p.id}`);
              return (
                <Space key={p.id} wrap>
                  <Typography.Text>
                    {p.title} · {p.organisationName}
                  </Typography.Text>
                  {done ? (
                    <Tag color="green">{t('events.cvSent')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      data-testid="send-cv"
                      loading={send.busy}
                      onClick={() =>
                        void send
                          .run(() => api('POST', `/api/v1/labour-market/events/${e.id}/cvs`, { postingId: p.id }))
                          .then((r) => r && setSent(new Set([...sent, `${e.id}/${p.id}`])))
                      }
                    >
                      {t('events.sendCv')}
                    </Button>
                  )}
                </Space>
              );
            })}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
