import { citationIn } from '@huimin/policy/citations';
import { ProFormDatePicker, ProFormRadio, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { reasonRule } from '../../components/reason.js';
import { formatParameterValue, pick, todayInShanghai, type ParameterLabel } from '../../components/format.js';
import { RefusingModalForm } from '../../components/refusing-modal-form.js';
import { RegionSelect, useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { inputRule, parseParameterInput, unitSuffix } from './parameter-input.js';

type RegionParameters =
  paths['/api/v1/parameters/regions/{regionCode}']['get']['responses'][200]['content']['application/json'];
type Row = RegionParameters['parameters'][number];
type Value = NonNullable<Row['inForce']>;

/**
 * 地区参数: every parameter a region may set, by its name, with the value in force on a day, where
 * it comes from (the text and its article, or the local document) and every value that can apply
 * there. The parameter officer sets a new value from a date; the old one is kept. A parameter's
 * history, under its row, is a staff ProTable of its own, exported by the parameter's name.
 */
export function ParametersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account, can } = useSession();
  const regionName = useRegionName();
  const [region, setRegion] = useState(account?.regionCode ?? '510104');
  const [on, setOn] = useState(todayInShanghai());
  const [saved, setSaved] = useState<string>();
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useLoad(
    () => api<RegionParameters>('GET', `/api/v1/parameters/regions/${region}${query({ on })}`),
    [region, on, version],
  );
  const name = (p: { parameter: string; label?: ParameterLabel }) =>
    p.label ? pick(p.label, lang) : t('decision.unnamedParameter');
  const rows = data?.parameters ?? [];
  const col = useStaffColumns<Row>();
  const valueCol = useStaffColumns<Value>();
  const show = (v: Value) => (v.label ? formatParameterValue(v.value, v.label.unit, lang, t) : '');
  // Example values carry the seed's own bilingual note; their source tag already says what they are.
  const basis = (v: Value) =>
    v.source === 'example' ? t('admin.sources.example') : v.cites ? citationIn(v.cites, lang) : (v.note ?? '—');
  const period = (v: Value) => `${v.from} – ${v.to ?? t('policies.noEnd')}`;
  const source = (v: Value) => (
    <Tag color={v.source === 'text' ? 'blue' : v.source === 'local-setting' ? 'green' : 'default'}>
      {t(`admin.sources.${v.source}`)}
    </Tag>
  );

  const setForm = (p: Row) =>
    p.label ? (
      <RefusingModalForm<{ value: string; from: string; to?: string; note: string }>
        key="set"
        title={t('admin.parameters.setTitle', { label: name(p) })}
        trigger={
          <Button size="small" type="link" data-testid={`set-${p.parameter}`}>
            {t('admin.parameters.set')}
          </Button>
        }
        modalProps={{ destroyOnHidden: true }}
        initialValues={{ from: on }}
        send={async (values) => {
          const unit = p.label!.unit;
          // The field's rule has read it already: a value it let through is one the unit allows.
          const value = parseParameterInput(values.value, unit) ?? 0;
          await api('POST', '/api/v1/parameters', {
            parameter: p.parameter,
            regionCode: region,
            from: values.from,
            ...(values.to ? { to: values.to } : {}),
            value,
            note: values.note,
          });
          setSaved(
            t('admin.parameters.saved', {
              region: regionName(region),
              label: name(p),
              value: formatParameterValue(value, unit, lang, t),
              from: values.from,
            }),
          );
          setVersion((n) => n + 1);
        }}
      >
        {p.label.unit === 'flag' ? (
          <ProFormRadio.Group
            name="value"
            label={t('admin.parameters.value')}
            options={[
              { value: '1', label: t('admin.parameters.yes') },
              { value: '0', label: t('admin.parameters.no') },
            ]}
            rules={[{ required: true, message: inputRule('flag', t) }]}
            fieldProps={{ 'data-testid': 'parameter-value' } as object}
          />
        ) : (
          <ProFormText
            name="value"
            label={t('admin.parameters.value')}
            fieldProps={{ suffix: unitSuffix(p.label.unit, t), 'data-testid': 'parameter-value' } as object}
            rules={[
              {
                required: true,
                validator: async (_: unknown, typed: string | undefined) =>
                  typed && parseParameterInput(typed, p.label!.unit) !== undefined
                    ? undefined
                    : Promise.reject(new Error(inputRule(p.label!.unit, t))),
              },
            ]}
          />
        )}
        <ProFormDatePicker
          name="from"
          label={t('admin.parameters.from')}
          rules={[{ required: true }]}
          fieldProps={{ 'data-testid': 'parameter-from' } as object}
        />
        <ProFormDatePicker name="to" label={t('admin.parameters.to')} />
        <ProFormTextArea
          name="note"
          label={t('admin.parameters.note')}
          placeholder={t('admin.parameters.noteHint')}
          required
          rules={[reasonRule(t('admin.parameters.noteRule'))]}
          fieldProps={{ 'data-testid': 'parameter-note' } as object}
        />
      </RefusingModalForm>
    ) : null;

  const sourceName = (s: string) => (s ? t(`admin.sources.${s}`) : '—');
  const columns: StaffColumn<Row>[] = [
    col.text(t('admin.parameters.name'), 'name', name, { sorted: true }),
    col.text(
      t('admin.parameters.inForce'),
      'inForce',
      (p) => (p.inForce ? show(p.inForce) : t('admin.parameters.notSet')),
      {
        render: (_, p) => (p.inForce ? show(p.inForce) : <Tag color="orange">{t('admin.parameters.notSet')}</Tag>),
      },
    ),
    col.choice(t('admin.parameters.source'), 'source', rows, (p) => p.inForce?.source ?? '', sourceName, {
      render: (_, p) => (p.inForce ? source(p.inForce) : '—'),
    }),
    col.text(t('admin.parameters.basis'), 'basis', (p) => (p.inForce ? basis(p.inForce) : undefined), {
      ellipsis: true,
    }),
    col.text(t('admin.parameters.period'), 'period', (p) => (p.inForce ? period(p.inForce) : undefined)),
    ...(can('parameter:set')
      ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, p: Row) => setForm(p) }]
      : []),
  ];

  // A parameter's history (its values in this region and those it inherits), sorted and filtered alike.
  const historyColumns = (history: readonly Value[]): StaffColumn<Value>[] => [
    valueCol.choice(t('common.region'), 'region', history, (v) => v.region, regionName),
    valueCol.text(t('admin.parameters.value'), 'value', show),
    valueCol.date(t('admin.parameters.period'), 'period', (v) => v.from, {
      render: (_, v) => period(v),
      sheet: period,
    }),
    valueCol.choice(t('admin.parameters.source'), 'source', history, (v) => v.source, sourceName, {
      render: (_, v) => source(v),
    }),
    valueCol.text(t('admin.parameters.basis'), 'basis', basis),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('admin.parameters.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.parameters.intro')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="parameter-region">{t('common.region')}</label>
        <RegionSelect
          id="parameter-region"
          value={region}
          // What was set belongs to the region it was set for: another region's table does not show it.
          onChange={(r) => {
            setRegion(r);
            setSaved(undefined);
          }}
          within={account?.regionCode}
        />
        <label htmlFor="parameter-on">{t('admin.parameters.on')}</label>
        <DatePicker
          id="parameter-on"
          value={dayjs(on)}
          allowClear={false}
          onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))}
        />
      </Space>
      {saved ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(undefined) }}
          title={saved}
          data-testid="parameter-saved"
        />
      ) : null}
      <ErrorAlert error={error} />
      <StaffTable<Row>
        emptyText={t('empty.parameters')}
        rowKey="parameter"
        loading={loading}
        rows={rows}
        columns={columns}
        reload={() => setVersion((n) => n + 1)}
        search={{ placeholder: t('admin.parameters.search'), texts: (p) => [name(p)], testId: 'parameter-find' }}
        exportAs={`parameters-${region}-${on}.xlsx`}
        expandable={{
          expandedRowRender: (p) => (
            <StaffTable<Value>
              emptyText={t('empty.parameterHistory')}
              rowKey={(v) => `${v.region}-${v.from}-${v.source}-${v.value}`}
              pageSize={false}
              rows={p.history}
              columns={historyColumns(p.history)}
              exportAs={`${name(p)}-${regionName(region)}.xlsx`}
              testId={`parameter-history-${p.parameter}`}
            />
          ),
          rowExpandable: (p) => p.history.length > 0,
        }}
        testId="parameters-table"
      />
    </Space>
  );
}
