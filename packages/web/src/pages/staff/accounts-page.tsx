import {
  ProFormDependency,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { isWithinRegion } from '@huimin/policy/regions';
import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { serverPage } from '../../components/server-page.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { RefusingModalForm } from '../../components/refusing-modal-form.js';
import { useRegionName, useRegions } from '../../components/regions.js';
import { useSession } from '../../session/session.js';

type StaffAccount =
  paths['/api/v1/accounts']['get']['responses'][200]['content']['application/json']['accounts'][number];
type NewAccount = paths['/api/v1/accounts']['post']['requestBody']['content']['application/json'];
type RolesChange = paths['/api/v1/accounts/{id}/roles']['put']['requestBody']['content']['application/json'];
type Institution = paths['/api/v1/loans/institutions']['get']['responses'][200]['content']['application/json'][number];

/**
 * 账号管理: the administrator's landing page — the staff accounts of their regions with roles,
 * region and state; creating one and moving one to other posts or another region (roles within the
 * separation rules, which the server enforces and names when it refuses; never one's own), resetting
 * a first password (which also lifts a lockout), and deactivating or reactivating an account.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const regions = useRegions();
  const { account: me } = useSession();
  const action = useRef<ActionType>(undefined);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  // Every staff role the UI names (the server refuses a combination it does not allow, naming both).
  const roleNames = t('roles', { returnObjects: true }) as Record<string, string>;
  const staffRoles = Object.keys(roleNames).filter((r) => r !== 'applicant');

  const attempt = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      await action.current?.reload();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      return false;
    }
  };

  /** A dialog's change made: said on the page, and the list read again. */
  const changed = async (said: string) => {
    setError(undefined);
    setDone(said);
    await action.current?.reload();
  };

  /** Roles, region and (for a bank's or guarantor's officer) the institution: the same on creating and on moving. */
  const postFields = (testId: string) => (
    <>
      <ProFormSelect
        name="roles"
        label={t('backOffice.accounts.roles')}
        mode="multiple"
        extra={t('admin.accounts.rolesHint')}
        options={staffRoles.map((r) => ({ value: r, label: roleNames[r] }))}
        rules={[{ required: true }]}
        fieldProps={{ 'data-testid': `${testId}-roles` } as object}
      />
      <ProFormSelect
        name="regionCode"
        label={t('admin.accounts.region')}
        showSearch
        options={regions
          .filter((r) => isWithinRegion(r.code, me?.regionCode ?? ''))
          .map((r) => ({ value: r.code, label: regionName(r.code) }))}
        rules={[{ required: true }]}
        fieldProps={{ 'data-testid': `${testId}-region` } as object}
      />
      {/* A bank's or guarantee institution's officer acts for that institution, chosen here. */}
      <ProFormDependency name={['roles', 'regionCode']}>
        {({ roles, regionCode }: { roles?: string[]; regionCode?: string }) => {
          const kind = roles?.includes('bank-officer')
            ? 'bank'
            : roles?.includes('guarantee-officer')
              ? 'guarantor'
              : undefined;
          if (!kind || !regionCode) return null;
          return (
            <ProFormSelect
              key={`${kind}-${regionCode}`}
              name="organisationId"
              label={t('admin.accounts.institution')}
              rules={[{ required: true }]}
              request={async () =>
                (await api<Institution[]>('GET', `/api/v1/loans/institutions?region=${regionCode}`))
                  .filter((i) => i.kind === kind)
                  .map((i) => ({ value: i.organisationId, label: i.name }))
              }
              fieldProps={{ 'data-testid': `${testId}-institution` } as object}
            />
          );
        }}
      </ProFormDependency>
    </>
  );

  const columns: ProColumns<StaffAccount>[] = [
    { title: t('auth.username'), dataIndex: 'username' },
    { title: t('backOffice.accounts.displayName'), dataIndex: 'displayName' },
    {
      title: t('backOffice.accounts.roles'),
      dataIndex: 'roles',
      render: (_, a) => (
        <Space wrap size={4}>
          {a.institution ? <Tag color="blue">{a.institution}</Tag> : null}
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
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, a) => [
        <RefusingModalForm<{ password: string }>
          key="reset"
          title={`${t('admin.accounts.reset')} · ${a.displayName}`}
          trigger={
            <Button size="small" data-testid={`reset-${a.username}`}>
              {t('admin.accounts.reset')}
            </Button>
          }
          modalProps={{ destroyOnHidden: true }}
          send={async ({ password }) => {
            await api('POST', `/api/v1/accounts/${a.id}/password-reset`, { password });
            await changed(t('admin.accounts.resetDone'));
          }}
        >
          <ProFormText.Password
            name="password"
            label={t('admin.accounts.password')}
            extra={t('admin.accounts.passwordHint')}
            rules={[{ required: true }]}
          />
        </RefusingModalForm>,
        // One's own roles are changed by another administrator (the server refuses it too).
        a.id === me?.id ? null : (
          <RefusingModalForm<RolesChange>
            key="roles"
            title={`${t('admin.accounts.changeRoles')} · ${a.displayName}`}
            trigger={
              <Button size="small" data-testid={`roles-${a.username}`}>
                {t('admin.accounts.changeRoles')}
              </Button>
            }
            initialValues={{
              roles: a.roles,
              regionCode: a.regionCode,
              ...(a.institutionId ? { organisationId: a.institutionId } : {}),
            }}
            modalProps={{ destroyOnHidden: true }}
            send={async (values) => {
              await api('PUT', `/api/v1/accounts/${a.id}/roles`, values);
              await changed(t('admin.accounts.rolesChanged', { name: a.displayName }));
            }}
          >
            {postFields('change')}
          </RefusingModalForm>
        ),
        a.id === me?.id ? null : a.active ? (
          <Popconfirm
            key="deactivate"
            title={t('admin.accounts.confirmDeactivate')}
            onConfirm={() => attempt(() => api('POST', `/api/v1/accounts/${a.id}/active`, { active: false }))}
          >
            <Button size="small" danger data-testid={`deactivate-${a.username}`}>
              {t('admin.accounts.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key="activate"
            size="small"
            onClick={() => void attempt(() => api('POST', `/api/v1/accounts/${a.id}/active`, { active: true }))}
            data-testid={`activate-${a.username}`}
          >
            {t('admin.accounts.activate')}
          </Button>
        ),
      ],
    },
  ];

  const createForm = (
    <RefusingModalForm<NewAccount>
      title={t('admin.accounts.create')}
      trigger={
        <Button type="primary" data-testid="account-create">
          {t('admin.accounts.create')}
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      send={async (values) => {
        await api('POST', '/api/v1/accounts', values);
        await changed(t('admin.accounts.created', { username: values.username }));
      }}
    >
      <ProFormText name="username" label={t('auth.username')} rules={[{ required: true }]} />
      <ProFormText name="displayName" label={t('backOffice.accounts.displayName')} rules={[{ required: true }]} />
      {postFields('account')}
      <ProFormText name="idNumber" label={t('admin.accounts.idNumber')} rules={[{ required: true }]} />
      <ProFormText.Password
        name="password"
        label={t('admin.accounts.password')}
        extra={t('admin.accounts.passwordHint')}
        rules={[{ required: true }]}
      />
    </RefusingModalForm>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('nav.accounts')}</Typography.Title>
      {done ? <Alert type="success" showIcon title={done} data-testid="account-done" /> : null}
      <ErrorAlert error={error} />
      <ProTable<StaffAccount>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={false}
        options={{ density: true, reload: true, setting: true }}
        toolBarRender={() => [createForm]}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        request={() =>
          serverPage(async () => {
            const { accounts } = await api<{ accounts: StaffAccount[] }>('GET', '/api/v1/accounts');
            setError(undefined);
            return { data: accounts, total: accounts.length };
          }, setError)
        }
        data-testid="accounts-table"
      />
    </Space>
  );
}
