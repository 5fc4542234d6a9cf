import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Card, Descriptions, Input, Modal, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, download, query } from '../../api/client.js';
import type { paths, Text } from '../../api/schema.js';
import { serverPage } from '../../components/server-page.js';
import { BankAccountModal, PAYEE_ACCOUNT_READERS, type AccountHolder } from '../../components/bank-account-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { pick, punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { UnitsSearch } from './organisations-page.js';
import { RegistryFacts, type RegistryFact } from './registry-facts.js';

type PersonView = Omit<
  paths['/api/v1/people/{id}']['get']['responses'][200]['content']['application/json'],
  'facts'
> & { facts?: RegistryFact[] };
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
          { key: 'units', label: t('registry.units'), children: <UnitsSearch /> },
          ...(can('registry:import')
            ? [{ key: 'import', label: t('registry.import'), children: <ImportPanel /> }]
            : []),
        ]}
      />
    </Space>
  );
}

/**
 * The people of the caller's regions, found by ID number or name, paged on the server; each ID
 * number masked. A ProTable like every staff list: its search form, column settings and density.
 */
function PeopleSearch() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [error, setError] = useState<ApiError>();
  const [found, setFound] = useState<{ idNumber?: string; name?: string }>({});
  const [atLeast, setAtLeast] = useState(false);
  const columns: ProColumns<PersonView>[] = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      render: (_, p) => <Link to={`/registry/people/${p.id}`}>{p.name}</Link>,
    },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumber',
      fieldProps: { maxLength: 18, 'data-testid': 'people-search-id' },
      render: (_, p) => p.idNumberMasked,
    },
    { title: t('person.sex'), dataIndex: 'sex', search: false, render: (_, p) => t(`person.sexes.${p.sex}`) },
    { title: t('person.birthYear'), dataIndex: 'birthYear', search: false },
    { title: t('common.region'), dataIndex: 'regionCode', search: false, render: (_, p) => regionName(p.regionCode) },
  ];
  return (
    <>
      <ErrorAlert error={error} />
      <ProTable<PersonView, { idNumber?: string; name?: string; current?: number; pageSize?: number }>
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: true }}
        options={{ density: true, reload: true, setting: true }}
        search={{ labelWidth: 'auto', searchText: t('registry.searchButton') }}
        pagination={{
          defaultPageSize: 20,
          showTotal: (n) =>
            atLeast ? t('backOffice.worklist.totalAtLeast', { count: n }) : t('common.total', { count: n }),
        }}
        request={async ({ idNumber, name, current = 1, pageSize = 20 }) => {
          setError(undefined);
          const filters = {
            idNumber: idNumber?.trim().toUpperCase() || undefined,
            name: name?.trim() || undefined,
          };
          setFound(filters);
          return serverPage(async () => {
            const page = await api<{ total: number; totalIsLowerBound: boolean; people: PersonView[] }>(
              'GET',
              `/api/v1/people${query({ ...filters, limit: pageSize, offset: (current - 1) * pageSize })}`,
            );
            setAtLeast(page.totalIsLowerBound);
            return { data: page.people, total: page.total };
          }, setError);
        }}
        toolBarRender={() => [
          <Button
            key="export"
            title={t('backOffice.worklist.exportLimit')}
            onClick={() => void download(`/api/v1/people.xlsx${query(found)}`, 'people.xlsx')}
            data-testid="people-export"
          >
            {t('backOffice.worklist.export')}
          </Button>,
        ]}
        data-testid="people-table"
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
              .join(punctuation(i18n.language).list)}
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
  const { data, error, reload } = useLoad(() => api<PersonView>('GET', `/api/v1/people/${id}`), [id]);
  const [identity, setIdentity] = useState<{ idNumber: string; phone?: string; address?: string }>();
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [identityError, setIdentityError] = useState<ApiError>();
  const [account, setAccount] = useState<AccountHolder>();
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
          <Descriptions.Item label={t('person.birthYear')}>{data.birthYear}</Descriptions.Item>
          <Descriptions.Item label={t('common.region')}>{regionName(data.regionCode)}</Descriptions.Item>
          {can(...PAYEE_ACCOUNT_READERS) ? (
            <Descriptions.Item label={t('backOffice.payments.currentAccount')}>
              <span data-testid="person-bank-account">
                {data.bankAccountMasked ? `${data.bankName ?? ''} ${data.bankAccountMasked}`.trim() : '—'}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {can('identity:unmask') && !identity ? (
            <Button onClick={() => setAsking(true)}>{t('registry.showIdentity')}</Button>
          ) : null}
          {/* Where subsidies are paid: set here by the registry's clerk, as after a failed payment. */}
          {can('registry:write') ? (
            <Button
              onClick={() =>
                setAccount({ kind: 'person', id: data.id, name: data.name, current: data.bankAccountMasked })
              }
              data-testid="set-bank-account"
            >
              {t(data.bankAccountMasked ? 'backOffice.payments.setAccount' : 'backOffice.payments.recordAccount')}
            </Button>
          ) : null}
        </Space>
      </Card>
      <BankAccountModal holder={account} onClose={() => setAccount(undefined)} onCorrected={reload} />
      <Card title={t('registry.facts')} size="small">
        <RegistryFacts
          facts={data.facts ?? []}
          region={data.regionCode}
          fileName={`${data.name}.xlsx`}
          reload={reload}
          unitNames={data.unitNames}
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
