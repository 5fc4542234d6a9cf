import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { RoleException } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { reasonRule } from '../../components/reason.js';
import { punctuation } from '../../components/format.js';
import { RegionSelect, useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';

/** The posts a claim passes through, the post that sets what it pays, and its oversight: never one person, unless declared here. */
const INCOMPATIBLE_ROLES = ['clerk', 'reviewer', 'approver', 'finance', 'parameter-officer', 'supervisor'] as const;

interface DeclareForm {
  roleA: string;
  roleB: string;
  reason: string;
}

/**
 * 岗位兼任例外: a region short of staff may let one account hold a pair of incompatible posts
 * (权限不相容, 财社〔2023〕181号 第二十五条); the security administrator declares it with the reason,
 * sees every one in force, and revokes them. Roles are shown by their names, never their ids.
 */
export function RoleExceptionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { account } = useSession();
  const regionName = useRegionName();
  const { data, error, loading, reload } = useLoad(
    () => api<{ exceptions: RoleException[] }>('GET', '/api/v1/role-exceptions'),
    [],
  );
  const [form] = Form.useForm<DeclareForm>();
  const [regionCode, setRegionCode] = useState(account?.regionCode ?? '');
  const declaring = useSubmit();
  const revoking = useSubmit();
  const col = useStaffColumns<RoleException>();
  const rows = data?.exceptions ?? [];
  const roleNames = (e: RoleException) => e.roles.map((r) => t(`roles.${r}`)).join(punctuation(i18n.language).list);
  const columns: StaffColumn<RoleException>[] = [
    col.choice(t('common.region'), 'region', rows, (e) => e.regionCode, regionName),
    col.text(t('roleExceptions.roles'), 'roles', roleNames, {
      render: (_, e) => (
        <Space size={4} wrap>
          {e.roles.map((r) => (
            <Tag key={r}>{t(`roles.${r}`)}</Tag>
          ))}
        </Space>
      ),
    }),
    col.text(t('roleExceptions.reason'), 'reason', (e) => e.reason),
    col.text(t('roleExceptions.declaredBy'), 'declaredBy', (e) => e.declaredBy, { sorted: true }),
    col.instant(t('roleExceptions.declaredAt'), 'declaredAt', (e) => e.declaredAt),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) => (
        <Popconfirm
          title={t('roleExceptions.revokeConfirm')}
          onConfirm={() => void revoke(e.id)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" danger data-testid={`revoke-${e.id}`}>
            {t('roleExceptions.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const roleOptions = INCOMPATIBLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const declare = async (v: DeclareForm) => {
    const done = await declaring.run(() =>
      api<RoleException>('POST', '/api/v1/role-exceptions', {
        regionCode,
        roles: [v.roleA, v.roleB],
        reason: v.reason.trim(),
      }),
    );
    if (!done) return;
    void message.success(t('roleExceptions.declared'));
    form.resetFields();
    reload();
  };
  const revoke = async (id: string) => {
    const done = await revoking.run(async () => {
      await api('POST', `/api/v1/role-exceptions/${id}/revocation`);
      return true;
    });
    if (!done) return;
    void message.success(t('roleExceptions.revoked'));
    reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('roleExceptions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('roleExceptions.intro')}</Typography.Paragraph>
      <ErrorAlert error={error ?? revoking.error} />
      <StaffTable<RoleException>
        rowKey="id"
        loading={loading}
        rows={rows}
        columns={columns}
        reload={reload}
        emptyText={t('roleExceptions.none')}
        search={{ placeholder: t('backOffice.lists.roleExceptions'), texts: (e) => [e.reason, e.declaredBy] }}
        exportAs="role-exceptions.xlsx"
        testId="role-exceptions-table"
      />
      <Card title={t('roleExceptions.declare')} style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void declare(v)} data-testid="role-exception-form">
          <Form.Item label={t('common.region')}>
            <RegionSelect value={regionCode} onChange={setRegionCode} within={account?.regionCode} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item
              name="roleA"
              label={t('roleExceptions.roleA')}
              rules={[{ required: true, message: t('validation.required', { field: t('roleExceptions.roleA') }) }]}
            >
              <Select style={{ width: 200 }} options={roleOptions} data-testid="role-a" />
            </Form.Item>
            <Form.Item
              name="roleB"
              label={t('roleExceptions.roleB')}
              dependencies={['roleA']}
              rules={[
                { required: true, message: t('validation.required', { field: t('roleExceptions.roleB') }) },
                ({ getFieldValue }) => ({
                  validator: async (_, value) => {
                    if (value && value === getFieldValue('roleA')) throw new Error(t('roleExceptions.samePair'));
                  },
                }),
              ]}
            >
              <Select style={{ width: 200 }} options={roleOptions} data-testid="role-b" />
            </Form.Item>
          </Space>
          <Form.Item
            name="reason"
            label={t('roleExceptions.reason')}
            required
            rules={[reasonRule(t('roleExceptions.reasonRule'))]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder={t('roleExceptions.reasonPlaceholder')} />
          </Form.Item>
          <ErrorAlert error={declaring.error} />
          <Button
            type="primary"
            htmlType="submit"
            loading={declaring.busy}
            style={{ marginTop: 16 }}
            data-testid="role-exception-declare"
          >
            {t('roleExceptions.declare')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
