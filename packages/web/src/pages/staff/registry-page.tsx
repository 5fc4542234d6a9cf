import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, download, query } from '../../api/client.js';
import type { Text } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { formatInstant, pick } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

interface PersonView {
  id: string;
  idNumberMasked: string;
  name: string;
  sex: string;
  birthDate: string;
  regionCode: string;
  hukouRegion?: string;
  rural?: boolean;
  phoneMasked?: string;
  facts?: {
    id: string;
    kind: string;
    data: Record<string, unknown>;
    source: string;
    recordedAt: string;
    retractedAt?: string;
    retractionReason?: string;
  }[];
}
interface ImportKind {
  id: string;
  zh: string;
  en: string;
  columns: { key: string; zh: string; en: string; required: boolean }[];
}

/** 人员库: search people (masked), and import the registry from a filled template, all rows or none. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('registry.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'search', label: t('registry.search'), children: <PeopleSearch /> },
          ...(can('registry:import')
            ? [{ key: 'import', label: t('registry.import'), children: <ImportPanel /> }]
            : []),
        ]}
      />
    </Space>
  );
}

function PeopleSearch() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [filters, setFilters] = useState<{ idNumber?: string; name?: string }>({});
  const [page, setPage] = useState(1);
  const { data, error, loading } = useLoad(
    () =>
      api<{ total: number; people: PersonView[] }>(
        'GET',
        `/api/v1/people${query({ ...filters, limit: 20, offset: (page - 1) * 20 })}`,
      ),
    [filters, page],
  );
  return (
    <>
      <Form
        layout="inline"
        onFinish={(v: { idNumber?: string; name?: string }) => {
          setFilters({ idNumber: v.idNumber?.trim().toUpperCase() || undefined, name: v.name?.trim() || undefined });
          setPage(1);
        }}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="idNumber" label={t('person.idNumber')}>
          <Input maxLength={18} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="name" label={t('person.name')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('registry.searchButton')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      <Table<PersonView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.people ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('person.name'), render: (_, p) => <Link to={`/registry/people/${p.id}`}>{p.name}</Link> },
          { title: t('person.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('person.sex'), render: (_, p) => t(`person.sexes.${p.sex}`) },
          { title: t('person.birthDate'), dataIndex: 'birthDate' },
          { title: t('common.region'), render: (_, p) => regionName(p.regionCode) },
        ]}
      />
    </>
  );
}

function ImportPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data } = useLoad(() => api<{ kinds: ImportKind[] }>('GET', '/api/v1/imports'), []);
  const [kind, setKind] = useState<string>('people');
  const chosen = data?.kinds.find((k) => k.id === kind);
  return (
    <Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            style={{ width: 240 }}
            value={kind}
            onChange={setKind}
            options={(data?.kinds ?? []).map((k) => ({ value: k.id, label: i18n.language === 'en-US' ? k.en : k.zh }))}
          />
          <Button onClick={() => void download(`/api/v1/imports/${kind}/template`, `${kind}.xlsx`)}>
            {t('registry.template')}
          </Button>
        </Space>
        {chosen ? (
          <Typography.Text type="secondary">
            {t('registry.columns')}:{' '}
            {chosen.columns
              .map((c) => `${pick({ zh: c.zh, en: c.en } as Text, i18n.language)}${c.required ? '*' : ''}`)
              .join('、')}
          </Typography.Text>
        ) : null}
        <SheetUpload<{ imported: number }>
          path={`/api/v1/imports/${kind}`}
          onDone={(res) => void message.success(t('registry.imported', { count: res.imported }))}
        />
      </Space>
    </Card>
  );
}

/** A person as the registry knows them; the whole ID number only on request, with a purpose, audited. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const regionName = useRegionName();
  const { data, error } = useLoad(() => api<PersonView>('GET', `/api/v1/people/${id}`), [id]);
  const [identity, setIdentity] = useState<{ idNumber: string; phone?: string; address?: string }>();
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [identityError, setIdentityError] = useState<ApiError>();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const reveal = async () => {
    setIdentityError(undefined);
    try {
      setIdentity(await api('POST', `/api/v1/people/${id}/identity`, { purpose: purpose.trim() }));
      setAsking(false);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setIdentityError(e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{data.name}</Typography.Title>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('person.idNumber')}>
            {identity?.idNumber ?? data.idNumberMasked}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.phone')}>{identity?.phone ?? data.phoneMasked ?? '—'}</Descriptions.Item>
          {identity?.address ? (
            <Descriptions.Item label={t('person.address')}>{identity.address}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('person.sex')}>{t(`person.sexes.${data.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('person.birthDate')}>{data.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t('common.region')}>{regionName(data.regionCode)}</Descriptions.Item>
        </Descriptions>
        {can('identity:unmask') && !identity ? (
          <Button onClick={() => setAsking(true)} style={{ marginTop: 8 }}>
            {t('registry.showIdentity')}
          </Button>
        ) : null}
      </Card>
      <Card title={t('registry.facts')} size="small">
        <Table
          size="small"
          rowKey="id"
          dataSource={data.facts ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('registry.factKind'), render: (_, f) => t(`registry.factKinds.${f.kind}`) },
            {
              title: t('registry.factData'),
              render: (_, f) =>
                Object.entries(f.data)
                  .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                  .join('; '),
            },
            { title: t('registry.source'), render: (_, f) => t(`registry.sources.${f.source}`) },
            { title: t('registry.recordedAt'), render: (_, f) => formatInstant(f.recordedAt) },
            {
              title: t('common.status'),
              render: (_, f) =>
                f.retractedAt ? <Tag>{t('registry.retracted')}</Tag> : <Tag color="green">{t('registry.current')}</Tag>,
            },
          ]}
        />
      </Card>
      <Modal
        open={asking}
        title={t('registry.showIdentity')}
        onOk={() => void reveal()}
        onCancel={() => setAsking(false)}
        okButtonProps={{ disabled: purpose.trim().length < 2 }}
        okText={t('actions.confirm')}
        cancelText={t('common.cancel')}
      >
        <Typography.Paragraph type="secondary">{t('registry.identityAudited')}</Typography.Paragraph>
        <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder={t('registry.purpose')} />
        <ErrorAlert error={identityError} />
      </Modal>
    </Space>
  );
}
