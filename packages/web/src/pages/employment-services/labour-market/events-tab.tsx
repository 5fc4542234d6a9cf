import { Alert, Button, Card, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { compareTexts, StaffTable, useStaffColumns, type StaffColumn } from '../../../components/staff-table.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { SetUpEventForm } from './event-form.js';
import { inRange } from '../../../components/valid-values.js';

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
  const col = useStaffColumns<Event>();
  const rows = events.data?.events ?? [];
  const kindName = (k: string) => t(`events.kinds.${k}`);
  const results = (e: Event) => (e.results ? t('events.resultsText', { ...e.results }) : t('events.noResults'));
  const columns: StaffColumn<Event>[] = [
    col.text(t('events.title'), 'title', (e) => e.title, { sorted: true }),
    col.choice(t('events.kind'), 'kind', rows, (e) => e.kind, kindName, {
      render: (_, e) => <Tag>{kindName(e.kind)}</Tag>,
    }),
    col.text(t('events.base'), 'base', (e) => e.base),
    col.text(t('events.brand'), 'brand', (e) => e.brand),
    col.text(t('events.anchor'), 'anchor', (e) => e.anchor),
    col.text(t('events.startsAt'), 'startsAt', (e) => localTime(e.startsAt, i18n.language), {
      sorter: (a, b) => compareTexts(a.startsAt, b.startsAt),
    }),
    col.count(t('events.postings'), 'postings', (e) => e.postingIds.length),
    col.count(t('events.cvsReceived'), 'cvsReceived', (e) => e.cvsReceived),
    col.text(t('events.results'), 'results', results, {
      render: (_, e) => (e.results ? results(e) : <Tag>{results(e)}</Tag>),
    }),
  ];
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
      <StaffTable<Event>
        rowKey="id"
        loading={events.loading}
        rows={rows}
        columns={columns}
        reload={events.reload}
        emptyText={t('events.none')}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, e) => setOpen(expanded ? e.id : undefined),
          expandedRowRender: (e) => <EventDetail event={e} manages={manages} onSaved={events.reload} />,
        }}
        exportAs="recruitment-events.xlsx"
        testId="events"
      />
    </Space>
  );
}

function EventDetail({ event, manages, onSaved }: { event: Event; manages: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const cvs = useLoad(() => api<{ cvs: Cv[] }>('GET', `/api/v1/labour-market/events/${event.id}/cvs`), [event.id]);
  const submit = useSubmit();
  const over = new Date(event.endsAt) <= new Date();
  const col = useStaffColumns<Cv>();
  const cvColumns: StaffColumn<Cv>[] = [
    col.text(t('events.seeker'), 'seeker', (c) => c.name, { sorted: true }),
    col.text(t('events.posting'), 'posting', (c) => c.postingTitle, { sorted: true }),
    col.text(t('events.submittedAt'), 'submittedAt', (c) => localTime(c.submittedAt, i18n.language), {
      sorter: (a, b) => compareTexts(a.submittedAt, b.submittedAt),
    }),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={cvs.error} />
      <Typography.Text strong>{t('events.cvs')}</Typography.Text>
      <StaffTable<Cv>
        emptyText={t('empty.cvs')}
        rowKey="id"
        loading={cvs.loading}
        rows={cvs.data?.cvs ?? []}
        columns={cvColumns}
        reload={cvs.reload}
        pageSize={false}
        exportAs={`${event.title}-cvs.xlsx`}
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
              <Form.Item key={k} label={t(`events.figures.${k}`)} name={k} rules={[{ required: true }, inRange(0)]}>
                <InputNumber id={`event-${k}`} precision={0} />
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
