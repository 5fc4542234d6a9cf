import { ModalForm, ProForm, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { todayInShanghai } from '../../../components/format.js';
import { useSubmit } from '../../../components/use-submit.js';
import { RegionField, useRequired } from './gig-forms.js';
import type { Posting } from './labour-common.js';

interface EventValues {
  kind: 'fair' | 'live-stream';
  title: string;
  regionCode: string;
  base: string;
  brand?: string;
  anchor?: string;
  startsAt: string;
  endsAt: string;
  postingIds: string[];
}

/** A `datetime-local` value read as the bureau's time (Asia/Shanghai), whatever the browser's zone. */
export function shanghaiInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

/**
 * Sets up a recruitment event or live stream (招聘会、直播带岗): its base or venue, brand, anchor (a live
 * stream has one), time in 成都 time, and the published postings it presents (岗位推介), picked from
 * the ones open in the clerk's regions; the server checks each again on the event's day.
 */
export function SetUpEventForm({ onCreated }: { onCreated: (title: string) => void }) {
  const { t } = useTranslation();
  const required = useRequired();
  const submit = useSubmit();
  const label = { start: t('events.startsAt'), end: t('events.endsAt'), anchor: t('events.anchor') };
  const endsAfterStart: Rule = ({ getFieldValue }) => ({
    validator: async (_, end?: string) => {
      const start = getFieldValue('startsAt') as string | undefined;
      if (start && end && end <= start)
        throw new Error(t('events.endsBeforeStart', { end: label.end, start: label.start }));
    },
  });
  const anchorOfStream: Rule = ({ getFieldValue }) => ({
    validator: async (_, anchor?: string) => {
      if (getFieldValue('kind') === 'live-stream' && !anchor?.trim())
        throw new Error(t('validation.required', { field: label.anchor }));
    },
  });
  const today = todayInShanghai();
  return (
    <ModalForm<EventValues>
      title={t('events.create')}
      trigger={
        <Button type="primary" data-testid="create-event">
          {t('events.create')}
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      submitter={{ submitButtonProps: { id: 'event-submit' } }}
      initialValues={{
        kind: 'live-stream',
        regionCode: '510104',
        startsAt: `${today}T14:00`,
        endsAt: `${today}T16:00`,
      }}
      onFinish={async (v) => {
        const done = await submit.run(() =>
          api('POST', '/api/v1/labour-market/events', {
            kind: v.kind,
            title: v.title.trim(),
            regionCode: v.regionCode,
            base: v.base.trim(),
            brand: v.brand?.trim() ?? '',
            anchor: v.anchor?.trim() ?? '',
            startsAt: shanghaiInstant(v.startsAt),
            endsAt: shanghaiInstant(v.endsAt),
            postingIds: v.postingIds,
          }),
        );
        if (done) onCreated(v.title.trim());
        return done !== undefined;
      }}
    >
      <ProFormRadio.Group
        name="kind"
        label={t('events.kind')}
        options={(['live-stream', 'fair'] as const).map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
      />
      <ProFormText
        name="title"
        label={t('events.title')}
        rules={[...required(t('events.title')), { max: 60 }]}
        fieldProps={{ id: 'event-title' }}
      />
      <ProForm.Item name="regionCode" label={t('events.region')} rules={required(t('events.region'))}>
        <RegionField id="event-region" />
      </ProForm.Item>
      <ProFormText
        name="base"
        label={t('events.base')}
        rules={[...required(t('events.base')), { max: 100 }]}
        fieldProps={{ id: 'event-base' }}
      />
      <ProForm.Group>
        <ProFormText name="brand" label={t('events.brand')} rules={[{ max: 60 }]} fieldProps={{ id: 'event-brand' }} />
        <ProFormText
          name="anchor"
          label={label.anchor}
          dependencies={['kind']}
          rules={[{ max: 60 }, anchorOfStream]}
          fieldProps={{ id: 'event-anchor' }}
        />
      </ProForm.Group>
      <ProForm.Group>
        <ProFormText
          name="startsAt"
          label={label.start}
          rules={required(label.start)}
          fieldProps={{ id: 'event-starts', type: 'datetime-local' }}
        />
        <ProFormText
          name="endsAt"
          label={label.end}
          dependencies={['startsAt']}
          rules={[...required(label.end), endsAfterStart]}
          fieldProps={{ id: 'event-ends', type: 'datetime-local' }}
        />
      </ProForm.Group>
      <ProFormSelect
        name="postingIds"
        label={t('events.presented')}
        mode="multiple"
        showSearch
        rules={[{ required: true, message: t('validation.required', { field: t('events.presented') }) }]}
        request={async () =>
          (await api<{ postings: Posting[] }>('GET', '/api/v1/labour-market/postings?state=published')).postings
            .filter((p) => p.open)
            .map((p) => ({ value: p.id, label: `${p.title} · ${p.organisationName}` }))
        }
        fieldProps={{ id: 'event-postings', optionFilterProp: 'label' }}
      />
      <ErrorAlert error={submit.error} />
    </ModalForm>
  );
}
