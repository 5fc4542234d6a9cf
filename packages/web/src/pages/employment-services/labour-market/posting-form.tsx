import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { pick, todayInShanghai, yuanToFen } from '../../../components/format.js';
import { RegionSelect } from '../../../components/regions.js';
import { LEVELS, OccupationSelect, type Posting } from './labour-common.js';
import { inRange } from '../../../components/valid-values.js';
import { IsoDateInput } from '../../../components/iso-date-input.js';

export interface PostingFields {
  title: string;
  occupationCode: string;
  headcount: number;
  payMinFen: number;
  payMaxFen: number;
  regionCode: string;
  place: string;
  requirements: string;
  description: string;
  minLevel?: number;
  contact: string;
  validFrom: string;
  validTo: string;
}

/** The server's names for the fields the form types in other units. */
const FORM_NAME: Record<string, string> = { payMinFen: 'payMinYuan', payMaxFen: 'payMaxYuan' };

interface FormValues extends Omit<PostingFields, 'payMinFen' | 'payMaxFen' | 'minLevel'> {
  payMinYuan: number;
  payMaxYuan: number;
  minLevel?: string;
}

/** The posting form, for a unit's own jobs and for a clerk posting on a unit's behalf. Pay is typed in 元. */
export function PostingForm({
  initial,
  onSubmit,
  busy,
  error,
  submitLabel,
  onCancel,
}: {
  initial?: Posting;
  onSubmit: (fields: PostingFields) => void;
  busy: boolean;
  error: ApiError | undefined;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const today = todayInShanghai();
  // A refusal marks the fields it names, as the form's own checks do: discriminatory words under
  // each field they were found in (任职要求, 岗位描述), a date under the date. The alert below the
  // form still lists every finding with its article.
  useEffect(() => {
    if (!error?.field) return;
    const found = (error.errors ?? []).flatMap((e) =>
      typeof e.column === 'string' ? [{ field: e.column, message: e.message as { zh: string; en: string } }] : [],
    );
    const named = found.length > 0 ? found : [{ field: error.field, message: undefined }];
    const marks = new Map<string, string[]>();
    for (const n of named) {
      const name = FORM_NAME[n.field] ?? n.field;
      if (!form.getFieldInstance(name)) continue;
      marks.set(name, [
        ...(marks.get(name) ?? []),
        n.message ? pick(n.message, i18n.language) : (error.reason ?? error.message),
      ]);
    }
    if (marks.size === 0) return;
    form.setFields([...marks].map(([name, errors]) => ({ name: name as keyof FormValues, errors })));
    form.scrollToField([...marks.keys()][0] as keyof FormValues);
    // Marked once, when the refusal comes: a change of language must not mark again a field since corrected.
  }, [error, form]);
  const values: FormValues = initial
    ? {
        ...initial,
        occupationCode: initial.occupation.code,
        payMinYuan: initial.payMinFen / 100,
        payMaxYuan: initial.payMaxFen / 100,
        minLevel: initial.minLevel ? String(initial.minLevel) : undefined,
        validFrom: initial.validFrom < today ? today : initial.validFrom,
      }
    : {
        title: '',
        occupationCode: '',
        headcount: 1,
        payMinYuan: 4000,
        payMaxYuan: 6000,
        regionCode: '510104',
        place: '',
        requirements: '',
        description: '',
        contact: '',
        validFrom: today,
        validTo: addDaysIso(today, 60),
      };
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={values}
      onFinish={(v) =>
        onSubmit({
          title: v.title.trim(),
          occupationCode: v.occupationCode,
          headcount: v.headcount,
          payMinFen: yuanToFen(v.payMinYuan),
          payMaxFen: yuanToFen(v.payMaxYuan),
          regionCode: v.regionCode,
          place: v.place.trim(),
          requirements: v.requirements?.trim() ?? '',
          description: v.description?.trim() ?? '',
          ...(v.minLevel ? { minLevel: Number(v.minLevel) } : {}),
          contact: v.contact.trim(),
          validFrom: v.validFrom,
          validTo: v.validTo,
        })
      }
    >
      <Form.Item label={t('labour.posting.title')} name="title" rules={[{ required: true, max: 60 }]}>
        <Input id="posting-title" />
      </Form.Item>
      <Form.Item label={t('labour.posting.occupation')} name="occupationCode" rules={[{ required: true }]}>
        <OccupationSelect id="posting-occupation" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          label={t('labour.posting.headcount')}
          name="headcount"
          rules={[{ required: true }, inRange(1, 10000)]}
        >
          <InputNumber id="posting-headcount" />
        </Form.Item>
        <Form.Item
          label={t('labour.posting.payMin')}
          name="payMinYuan"
          rules={[{ required: true }, inRange(0, 1_000_000)]}
        >
          <InputNumber id="posting-pay-min" step={500} />
        </Form.Item>
        <Form.Item
          label={t('labour.posting.payMax')}
          name="payMaxYuan"
          rules={[{ required: true }, inRange(0, 1_000_000)]}
        >
          <InputNumber id="posting-pay-max" step={500} />
        </Form.Item>
      </Space>
      <Form.Item label={t('labour.posting.region')} name="regionCode" rules={[{ required: true }]}>
        <RegionInput />
      </Form.Item>
      <Form.Item label={t('labour.posting.place')} name="place" rules={[{ required: true, max: 200 }]}>
        <Input id="posting-place" />
      </Form.Item>
      <Form.Item label={t('labour.posting.requirements')} name="requirements" rules={[{ max: 1000 }]}>
        <Input.TextArea id="posting-requirements" rows={2} />
      </Form.Item>
      <Form.Item label={t('labour.posting.description')} name="description" rules={[{ max: 2000 }]}>
        <Input.TextArea id="posting-description" rows={2} />
      </Form.Item>
      <Form.Item label={t('labour.posting.minLevel')} name="minLevel">
        <Select
          id="posting-level"
          allowClear
          placeholder={t('labour.posting.noLevel')}
          options={LEVELS.map((l) => ({ value: l, label: t(`labour.levels.${l}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('labour.posting.contact')} name="contact" rules={[{ required: true, max: 100 }]}>
        <Input id="posting-contact" />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('labour.posting.validFrom')} name="validFrom" rules={[{ required: true }]}>
          <IsoDateInput id="posting-from" />
        </Form.Item>
        <Form.Item label={t('labour.posting.validTo')} name="validTo" rules={[{ required: true }]}>
          <IsoDateInput id="posting-to" />
        </Form.Item>
      </Space>
      <ErrorAlert error={error} />
      {/* Below the form, on a line of its own: beside the dates, it read as one of them. */}
      <div style={{ marginTop: 8 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="posting-submit">
            {submitLabel}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t('labour.mine.cancel')}</Button> : null}
        </Space>
      </div>
    </Form>
  );
}

function RegionInput({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  return <RegionSelect id="posting-region" value={value ?? '510104'} onChange={(v) => onChange?.(v)} />;
}

/** A civil date some days on (a posting's default validity), computed on the calendar, not the clock. */
function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
