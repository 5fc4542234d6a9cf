import { Alert, Button, Card, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { SetUpEventForm } from './event-form.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
type Event = Json<paths['/api/v1/labour-market/events']['get']['responses'][200]>['events'][number];
type Cv = Json<paths['/api/v1/labour-market/events/{id}/cvs']['get']['responses'][200]>['cvs'][number];
type Results = NonNullable<Event['results']>;

/** A time as the bureau reads it: 成都 local, to the minute. */
function localTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Recruitment events and live streams (招聘活动、直播带岗): each with its base, brand, anchor and time,
 * how many postings it presents, the CVs sent through the platform, and its results, entered once over.
 */
export function EventsTab({ manages }: { manages: boolean }) {
  const { t, i18n } = useTranslation();
  const events = useLoad(() => api<{ events: Event[] }>('GET', '/api/v1/labour-market/events'), []);
  const [open, setOpen] = useState<string>();
  const [created, setCreated] = useState<string>();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {manages ? (
        <SetUpEventForm
          onCreated={(title) => {
            setCreated(title);
            events.reload();
          }}
        />
      ) : null}
      {created ? (
        <Alert type="success" showIcon data-testid="done" title={t('events.created', { title: created })} />
      ) : null}
      <ErrorAlert error={events.error} />
      <Table<Event>
        rowKey="id"
        size="small"
        pagination={false}
        loading={events.loading}
        dataSource={events.data?.events ?? []}
        locale={{ emptyText: t('events.none') }}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, e) => setOpen(expanded ? e.id : undefined),
          expandedRowRender: (e) => <EventDetail event={e} manages={manages} onSaved={events.reload} />,
        }}
        columns={[
          { title: t('events.title'), dataIndex: 'title' },
          { title: t('events.kind'), render: (_, e) => <Tag>{t(`events.kinds.${e.kind}`)}</Tag> },
          { title: t('events.base'), dataIndex: 'base' },
          { title: t('events.brand'), dataIndex: 'brand' },
          { title: t('events.anchor'), dataIndex: 'anchor' },
          { title: t('events.startsAt'), render: (_, e) => localTime(e.startsAt, i18n.language) },
          { title: t('events.postings'), render: (_, e) => e.postingIds.length },
          { title: t('events.cvsReceived'), dataIndex: 'cvsReceived' },
          {
            title: t('events.results'),
            render: (_, e) =>
              e.results ? t('events.resultsText', { ...e.results }) : <Tag>{t('events.noResults')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}

function EventDetail({ event, manages, onSaved }: { event: Event; manages: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const cvs = useLoad(() => api<{ cvs: Cv[] }>('GET', `/api/v1/labour-market/events/${event.id}/cvs`), [event.id]);
  const submit = useSubmit();
  const over = new Date(event.endsAt) <= new Date();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={cvs.error} />
      <Typography.Text strong>{t('events.cvs')}</Typography.Text>
      <Table<Cv>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cvs.data?.cvs ?? []}
        columns={[
          { title: t('events.seeker'), dataIndex: 'name' },
          { title: t('events.posting'), dataIndex: 'postingTitle' },
          { title: t('events.submittedAt'), render: (_, c) => localTime(c.submittedAt, i18n.language) },
        ]}
      />
      {manages && over ? (
        <Card size="small" title={t('events.enterResults')}>
          <Form<Results>
            layout="inline"
            initialValues={event.results ?? { views: 0, cvs: event.cvsReceived, interviews: 0, hires: 0 }}
            onFinish={async (v) => {
              if (await submit.run(() => api('PUT', `/api/v1/labour-market/events/${event.id}/results`, v))) onSaved();
            }}
          >
            {(['views', 'cvs', 'interviews', 'hires'] as const).map((k) => (
              <Form.Item key={k} label={t(`events.figures.${k}`)} name={k} rules={[{ required: true }]}>
                <InputNumber id={`event-${k}`} min={0} precision={0} />
              </Form.Item>
            ))}
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={submit.busy}>
                {t('events.save')}
              </Button>
            </Form.Item>
          </Form>
          <ErrorAlert error={submit.error} />
        </Card>
      ) : null}
    </Space>
  );
}
