import { ProTable } from '@ant-design/pro-components';
import { Alert, Card, DatePicker, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant, todayInShanghai } from '../../components/format.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

type Snapshot =
  paths['/api/v1/reference-snapshots']['get']['responses'][200]['content']['application/json']['snapshots'][number];

const KINDS = [
  'deaths',
  'civil-service-roster',
  'business-registry',
  'social-insurance',
  'unemployment-registrations',
  'poverty-monitoring',
  'graduate-records',
  'social-assistance',
] as const;

/**
 * 参照数据: snapshots other departments provide (deaths, civil-service roster, business registry …)
 * that the risk checks read — what is loaded, as of when and from whom — and loading a new one,
 * all rows or none.
 */
export function ReferenceDataPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('deaths');
  const [takenOn, setTakenOn] = useState(todayInShanghai());
  const [source, setSource] = useState('');
  const [loaded, setLoaded] = useState<number>();
  const { data, error, loading } = useLoad(
    () => api<{ snapshots: Snapshot[] }>('GET', '/api/v1/reference-snapshots'),
    [version],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('admin.reference.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.reference.intro')}</Typography.Paragraph>
      {can('registry:import') ? (
        <Card title={t('admin.reference.load')} size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              value={kind}
              onChange={setKind}
              style={{ minWidth: 220 }}
              aria-label={t('admin.reference.kind')}
              options={KINDS.map((k) => ({ value: k, label: t(`admin.reference.kinds.${k}`) }))}
            />
            <DatePicker
              value={dayjs(takenOn)}
              allowClear={false}
              aria-label={t('admin.reference.takenOn')}
              onChange={(d) => d && setTakenOn(d.format('YYYY-MM-DD'))}
            />
            <Input
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder={t('admin.reference.source')}
              style={{ width: 240 }}
              data-testid="reference-source"
            />
          </Space>
          {source.trim().length >= 2 ? (
            <SheetUpload<{ rows: number }>
              path={`/api/v1/reference-snapshots/${kind}${query({ takenOn, source: source.trim() })}`}
              onDone={(r) => {
                setLoaded(r.rows);
                setVersion((n) => n + 1);
              }}
              testId="reference-upload"
            />
          ) : null}
          {loaded !== undefined ? (
            <Alert type="success" showIcon title={t('admin.reference.loaded', { rows: loaded, count: loaded })} />
          ) : null}
        </Card>
      ) : null}
      <ErrorAlert error={error} />
      <ProTable<Snapshot>
        rowKey="id"
        loading={loading}
        dataSource={data?.snapshots ?? []}
        search={false}
        scroll={{ x: 'max-content' }}
        options={{ density: true, reload: () => setVersion((n) => n + 1), setting: true }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('admin.reference.kind'), render: (_, s) => t(`admin.reference.kinds.${s.kind}`) },
          { title: t('admin.reference.takenOn'), dataIndex: 'takenOn' },
          { title: t('admin.reference.source'), dataIndex: 'source' },
          { title: t('admin.reference.rows'), dataIndex: 'rows', align: 'right' },
          { title: t('admin.reference.importedAt'), render: (_, s) => formatInstant(s.importedAt) },
        ]}
        data-testid="reference-table"
      />
    </Space>
  );
}
