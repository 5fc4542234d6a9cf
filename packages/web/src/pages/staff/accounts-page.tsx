import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';

type StaffAccount =
  paths['/api/v1/accounts']['get']['responses'][200]['content']['application/json']['accounts'][number];

/**
 * 账号管理: the administrator's landing page — the staff accounts of their regions with roles,
 * region and whether each is active, locked or waiting for a first password change. Creating,
 * resetting and locking accounts are API calls for now (`/api/v1/accounts`).
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const columns: ProColumns<StaffAccount>[] = [
    { title: t('auth.username'), dataIndex: 'username' },
    { title: t('backOffice.accounts.displayName'), dataIndex: 'displayName' },
    {
      title: t('backOffice.accounts.roles'),
      dataIndex: 'roles',
      render: (_, a) => (
        <Space wrap size={4}>
          {a.roles.map((r) => (
            <Tag key={r}>{t(`roles.${r}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('common.region'), dataIndex: 'regionCode', render: (_, a) => regionName(a.regionCode) },
    {
      title: t('common.status'),
      dataIndex: 'active',
      render: (_, a) => (
        <Space wrap size={4}>
          <Tag color={a.active ? 'green' : 'default'}>
            {t(a.active ? 'backOffice.accounts.active' : 'backOffice.accounts.inactive')}
          </Tag>
          {a.locked ? <Tag color="red">{t('backOffice.accounts.locked')}</Tag> : null}
          {a.mustChangePassword ? <Tag color="orange">{t('backOffice.accounts.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('backOffice.accounts.createdAt'), dataIndex: 'createdAt', render: (_, a) => formatInstant(a.createdAt) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('nav.accounts')}</Typography.Title>
      <ProTable<StaffAccount>
        rowKey="id"
        columns={columns}
        search={false}
        options={{ density: true, reload: true, setting: true }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        request={async () => {
          try {
            const { accounts } = await api<{ accounts: StaffAccount[] }>('GET', '/api/v1/accounts');
            return { data: accounts, total: accounts.length, success: true };
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            return { data: [], total: 0, success: false };
          }
        }}
        data-testid="accounts-table"
      />
    </Space>
  );
}
