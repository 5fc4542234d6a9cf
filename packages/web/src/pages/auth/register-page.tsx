import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { ApplicantIdentityFields } from '../../components/applicant-identity-fields.js';
import { showOnFields } from '../../components/server-field-errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RegionSelect } from '../../components/regions.js';
import { useSession } from '../../session/session.js';

interface RegisterForm {
  kind: 'person' | 'organisation';
  idNumber?: string;
  creditCode?: string;
  name: string;
  username: string;
  password: string;
}

/**
 * 申请人注册: a person with their ID number, or a unit with its credit code; checked by the server's
 * check digits. Registering binds the account to nothing: it claims an identity, which the holder
 * then proves on 实名核验 (a code to the phone on record, a counter code, or the identity service).
 */
export function RegisterPage() {
  const { t } = useTranslation();
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
          ? {
              kind: 'person',
              idNumber: (v.idNumber ?? '').trim().toUpperCase(),
              name: v.name.trim(),
              regionCode,
              username: v.username.trim(),
              password: v.password,
            }
          : {
              kind: 'organisation',
              creditCode: (v.creditCode ?? '').trim().toUpperCase(),
              name: v.name.trim(),
              regionCode,
              username: v.username.trim(),
              password: v.password,
            };
      await api('POST', '/api/v1/register', body);
      await login(v.username.trim(), v.password);
      // A new account is not yet bound to its registry record: it proves who it is first.
      navigate('/identity');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!showOnFields(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Card title={t('auth.register')} style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Paragraph type="secondary">{t('auth.registerIntro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('auth.registerThenVerify')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'person' }} onFinish={(v) => void submit(v)}>
        <ApplicantIdentityFields kind={kind} />
        <Form.Item label={t('common.region')}>
          <RegionSelect value={regionCode} onChange={setRegionCode} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={required(t('auth.username'))}
          extra={t('auth.usernameRule')}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={required(t('auth.password'))}
          extra={t('auth.passwordRule')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={busy}
          style={{ marginTop: 16 }}
          data-testid="register-submit"
        >
          {t('auth.register')}
        </Button>
      </Form>
    </Card>
  );
}
