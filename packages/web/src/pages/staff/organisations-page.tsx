import { ORGANISATION_CATEGORY_NAMES } from '@huimin/policy/vocabulary';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, query, type ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { serverPage } from '../../components/server-page.js';
import { BankAccountModal, PAYEE_ACCOUNT_READERS, type AccountHolder } from '../../components/bank-account-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { RegistryFacts, type RegistryFact } from './registry-facts.js';

type UnitView = Omit<
  paths['/api/v1/organisations/{id}']['get']['responses'][200]['content']['application/json'],
  'facts'
> & { facts?: RegistryFact[] };

/** A unit's kind by its name in the page's language, never its code. */
function useCategoryName(): (category: string) => string {
  const { i18n } = useTranslation();
  return (category) => {
    const name = ORGANISATION_CATEGORY_NAMES[category as keyof typeof ORGANISATION_CATEGORY_NAMES];
    return name ? pick(name, i18n.language) : category;
  };
}

/**
 * 单位库: the units of the caller's regions, found by name or credit code, paged on the server,
 * each with the account its subsidies are paid to (masked).
 */
export function UnitsSearch() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const categoryName = useCategoryName();
  const { can } = useSession();
  const [error, setError] = useState<ApiError>();
  const columns: ProColumns<UnitView>[] = [
    {
      title: t('organisation.name'),
      dataIndex: 'name',
      render: (_, u) => <Link to={`/registry/organisations/${u.id}`}>{u.name}</Link>,
    },
    {
      title: t('organisation.creditCode'),
      dataIndex: 'creditCode',
      fieldProps: { maxLength: 18, 'data-testid': 'units-search-code' },
    },
    {
      title: t('organisation.category'),
      dataIndex: 'category',
      search: false,
      render: (_, u) => categoryName(u.category),
    },
    { title: t('common.region'), dataIndex: 'regionCode', search: false, render: (_, u) => regionName(u.regionCode) },
    ...(can(...PAYEE_ACCOUNT_READERS)
      ? [
          {
            title: t('backOffice.payments.currentAccount'),
            dataIndex: 'bankAccountMasked',
            search: false,
            render: (_: unknown, u: UnitView) => u.bankAccountMasked ?? '—',
          } satisfies ProColumns<UnitView>,
        ]
      : []),
  ];
  return (
    <>
      <ErrorAlert error={error} />
      <ProTable<UnitView, { creditCode?: string; name?: string; current?: number; pageSize?: number }>
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: true }}
        options={{ density: true, reload: true, setting: true }}
        search={{ labelWidth: 'auto', searchText: t('registry.searchButton') }}
        locale={{ emptyText: t('empty.units') }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        request={async ({ creditCode, name, current = 1, pageSize = 20 }) => {
          setError(undefined);
          const filters = {
            creditCode: creditCode?.trim().toUpperCase() || undefined,
            name: name?.trim() || undefined,
          };
          return serverPage(async () => {
            const page = await api<{ total: number; organisations: UnitView[] }>(
              'GET',
              `/api/v1/organisations${query({ ...filters, limit: pageSize, offset: (current - 1) * pageSize })}`,
            );
            return { data: page.organisations, total: page.total };
          }, setError);
        }}
        data-testid="units-table"
      />
    </>
  );
}

/** A unit as the registry knows it: its registration, the account it is paid to, and its facts. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const regionName = useRegionName();
  const categoryName = useCategoryName();
  const { data, error, reload } = useLoad(() => api<UnitView>('GET', `/api/v1/organisations/${id}`), [id]);
  const [account, setAccount] = useState<AccountHolder>();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{data.name}</Typography.Title>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('organisation.creditCode')}>{data.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('organisation.category')}>{categoryName(data.category)}</Descriptions.Item>
          {data.sizeClass ? (
            <Descriptions.Item label={t('organisation.size')}>
              {t(`organisation.sizes.${data.sizeClass}`)}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('common.region')}>{regionName(data.regionCode)}</Descriptions.Item>
          {can(...PAYEE_ACCOUNT_READERS) ? (
            <Descriptions.Item label={t('backOffice.payments.currentAccount')}>
              <span data-testid="unit-bank-account">
                {data.bankAccountMasked ? `${data.bankName ?? ''} ${data.bankAccountMasked}`.trim() : '—'}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {/* Where the unit's subsidies are paid: set here by the registry's clerk, as after a failed payment. */}
        {can('registry:write') ? (
          <Button
            style={{ marginTop: 8 }}
            onClick={() =>
              setAccount({ kind: 'organisation', id: data.id, name: data.name, current: data.bankAccountMasked })
            }
            data-testid="set-unit-bank-account"
          >
            {t(data.bankAccountMasked ? 'backOffice.payments.setAccount' : 'backOffice.payments.recordAccount')}
          </Button>
        ) : null}
      </Card>
      <BankAccountModal holder={account} onClose={() => setAccount(undefined)} onCorrected={reload} />
      <Card title={t('registry.facts')} size="small">
        <RegistryFacts
          facts={data.facts ?? []}
          region={data.regionCode}
          fileName={`${data.name}.xlsx`}
          reload={reload}
        />
      </Card>
    </Space>
  );
}
