import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { homeOf, isUnbound, landingOf, useSession } from '../../session/session.js';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The server said it in the language asked then; after a switch it would stay in the other one.
  useEffect(() => setError(undefined), [i18n.language]);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const account = await login(v.username.trim(), v.password);
      // An account not yet verified can open nothing else, wherever it was heading.
      navigate(isUnbound(account) ? homeOf(account) : (params.get('next') ?? (await landingOf(account))));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('auth.login')} style={{ maxWidth: 420, margin: '40px auto' }}>
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, message: t('validation.required', { field: t('auth.username') }) }]}
        >
          <Input autoComplete="username" id="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('validation.required', { field: t('auth.password') }) }]}
        >
          <Input.Password autoComplete="current-password" id="login-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.login')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
