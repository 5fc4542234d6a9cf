import { ORGANISATION_CATEGORY_NAMES } from '@huimin/policy/vocabulary';
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { homeOf, useSession } from '../../session/session.js';

interface RegisterForm {
  kind: 'person' | 'organisation';
  idNumber?: string;
  creditCode?: string;
  name: string;
  category?: string;
  phone?: string;
  username: string;
  password: string;
}

/** 申请人注册: a person with their ID number, or a unit with its credit code; checked by the server's check digits. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [regionCode, setRegionCode] = useState('510104');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: RegisterForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body =
        v.kind === 'person'
          ? { kind: 'person', idNumber: (v.idNumber ?? '').trim().toUpperCase(), name: v.name.trim(), regionCode, username: v.username.trim(), password: v.password, ...(v.phone ? { phone: v.phone.trim() } : {}) }
          : { kind: 'organisation', creditCode: (v.creditCode ?? '').trim().toUpperCase(), name: v.name.trim(), category: v.category, regionCode, username: v.username.trim(), password: v.password };
      await api('POST', '/api/v1/register', body);
      const account = await login(v.username.trim(), v.password);
      navigate(homeOf(account));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      if (e.field && form.getFieldInstance(e.field as keyof RegisterForm)) form.setFields([{ name: e.field as keyof RegisterForm, errors: [e.message] }]);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Card title={t('auth.register')} style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Paragraph type="secondary">{t('auth.registerIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'person', category: 'enterprise' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('auth.applicantKind')}>
          <Radio.Group
            options={[
              { value: 'person', label: t('applicantKind.person') },
              { value: 'organisation', label: t('applicantKind.organisation') },
            ]}
          />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item name="idNumber" label={t('person.idNumber')} rules={required(t('person.idNumber'))}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="creditCode" label={t('organisation.creditCode')} rules={required(t('organisation.creditCode'))}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item name="category" label={t('organisation.category')}>
              <Select options={Object.entries(ORGANISATION_CATEGORY_NAMES).map(([value, name]) => ({ value, label: pick(name, i18n.language) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={kind === 'person' ? t('person.name') : t('organisation.name')} rules={required(t('person.name'))}>
          <Input />
        </Form.Item>
        <Form.Item label={t('common.region')}>
          <RegionSelect value={regionCode} onChange={setRegionCode} />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item name="phone" label={t('person.phone')}>
            <Input maxLength={11} />
          </Form.Item>
        ) : null}
        <Form.Item name="username" label={t('auth.username')} rules={required(t('auth.username'))} extra={t('auth.usernameRule')}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={required(t('auth.password'))} extra={t('auth.passwordRule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 16 }} data-testid="register-submit">
          {t('auth.register')}
        </Button>
      </Form>
    </Card>
  );
}
