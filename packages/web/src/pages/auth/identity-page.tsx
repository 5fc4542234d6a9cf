import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import type { IdentityStatus } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';

/** Where the identity service sends the browser back with `?error=`: each has its own sentence. */
const RETURN_ERRORS = [
  'OIDC_FAILED',
  'OIDC_IDENTITY_MISMATCH',
  'OIDC_NOT_CONFIGURED',
  'SUBJECT_ALREADY_BOUND',
  'IDENTITY_ALREADY_BOUND',
] as const;
type ReturnError = (typeof RETURN_ERRORS)[number];

/**
 * 实名核验: an applicant account is tied to its registry record only by a proof its holder controls —
 * a code sent to the phone the registry already has, a code a counter clerk issues after seeing the
 * ID card, or the province's unified identity service. Until then it may open nothing else.
 */
export function IdentityPage() {
  const { t } = useTranslation();
  const { can, refresh } = useSession();
  const [params] = useSearchParams();
  const { data, error, replace } = useLoad(() => api<IdentityStatus>('GET', '/api/v1/identity'), []);
  const [justBound, setJustBound] = useState(false);

  const returned = params.get('error');
  const returnError: ReturnError | undefined = returned
    ? (RETURN_ERRORS.find((c) => c === returned) ?? 'OIDC_FAILED')
    : undefined;
  const returnedBound = params.get('bound') === '1';

  const bound = async (status: IdentityStatus) => {
    replace(status);
    setJustBound(true);
    // The account may now apply: read it again so the menu and the pages it may open follow.
    await refresh();
  };

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="identity">
      <Typography.Title level={3}>{t('identity.title')}</Typography.Title>
      {returnError ? (
        <Alert
          type={returnError === 'IDENTITY_ALREADY_BOUND' ? 'info' : 'error'}
          showIcon
          title={t(`identity.returnErrors.${returnError}`)}
          data-testid="identity-return-error"
        />
      ) : null}
      {data.bound ? (
        <BoundView status={data} success={justBound || returnedBound} />
      ) : can('identity:bind') ? (
        <Unbound status={data} onBound={(s) => void bound(s)} />
      ) : (
        <Typography.Paragraph>{t('identity.notApplicable')}</Typography.Paragraph>
      )}
    </Space>
  );
}

function BoundView({ status, success }: { status: IdentityStatus; success: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unit = status.kind === 'organisation';
  return (
    <Card data-testid="identity-bound">
      {success ? <Alert type="success" showIcon title={t('identity.justBound')} style={{ marginBottom: 16 }} /> : null}
      <Descriptions column={{ xs: 1, md: 2 }} title={t('identity.boundTitle')} size="small">
        <Descriptions.Item label={unit ? t('organisation.name') : t('person.name')}>{status.name}</Descriptions.Item>
        <Descriptions.Item label={unit ? t('organisation.creditCode') : t('person.idNumber')}>
          {status.subjectMasked ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('identity.via')}>
          {status.via ? t(`identity.vias.${status.via}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('identity.boundAt')}>
          {status.boundAt ? formatInstant(status.boundAt) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        onClick={() => navigate('/my/applications')}
        data-testid="identity-to-applications"
      >
        {t('identity.toMyApplications')}
      </Button>
    </Card>
  );
}

function Unbound({ status, onBound }: { status: IdentityStatus; onBound: (status: IdentityStatus) => void }) {
  const { t } = useTranslation();
  const unit = status.kind === 'organisation';
  const sms = status.methods.sms && !unit;
  return (
    <>
      <Typography.Paragraph>
        {t(unit ? 'identity.introUnit' : 'identity.intro', { name: status.name })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="identity-methods">
        {sms ? (
          <Col xs={24} lg={12}>
            <SmsCard status={status} onBound={onBound} />
          </Col>
        ) : null}
        {status.methods.counter ? (
          <Col xs={24} lg={sms ? 12 : 24}>
            <CounterCard unit={unit} onBound={onBound} />
          </Col>
        ) : null}
        {status.methods.oidc ? (
          <Col xs={24}>
            <OidcCard />
          </Col>
        ) : null}
      </Row>
    </>
  );
}

function SmsCard({ status, onBound }: { status: IdentityStatus; onBound: (status: IdentityStatus) => void }) {
  const { t } = useTranslation();
  const sending = useSubmit();
  const binding = useSubmit();
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [code, setCode] = useState('');

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    const res = await sending.run(() => api<{ resendAfterSeconds: number }>('POST', '/api/v1/identity/sms-code'));
    if (!res) return;
    setSent(true);
    setWait(res.resendAfterSeconds);
  };
  const bind = async () => {
    const s = await binding.run(() =>
      api<IdentityStatus>('POST', '/api/v1/identity/binding', { verificationCode: code }),
    );
    if (s) onBound(s);
  };

  return (
    <Card title={t('identity.sms.title')} style={{ height: '100%' }} data-testid="identity-sms">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('identity.sms.intro')}</Typography.Paragraph>
        {status.smsSender === 'outbox' ? <Alert type="warning" showIcon title={t('identity.sms.demo')} /> : null}
        <Button onClick={() => void send()} loading={sending.busy} disabled={wait > 0} data-testid="sms-send">
          {wait > 0 ? t('identity.sms.resend', { seconds: wait }) : t('identity.sms.send')}
        </Button>
        {sent ? <Alert type="info" showIcon title={t('identity.sms.sent')} data-testid="sms-sent" /> : null}
        <ErrorAlert error={sending.error} />
        <Typography.Text>{t('identity.sms.code')}</Typography.Text>
        <Space.Compact style={{ width: '100%', maxWidth: 360 }}>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="000000"
            aria-label={t('identity.sms.code')}
            onPressEnter={() => (code.length === 6 ? void bind() : undefined)}
            data-testid="sms-code"
          />
          <Button
            type="primary"
            onClick={() => void bind()}
            loading={binding.busy}
            disabled={code.length !== 6}
            data-testid="sms-bind"
          >
            {t('identity.sms.bind')}
          </Button>
        </Space.Compact>
        <ErrorAlert error={binding.error} />
      </Space>
    </Card>
  );
}

function CounterCard({ unit, onBound }: { unit: boolean; onBound: (status: IdentityStatus) => void }) {
  const { t } = useTranslation();
  const binding = useSubmit();
  const [code, setCode] = useState('');
  const trimmed = code.trim().toUpperCase();
  const bind = async () => {
    const s = await binding.run(() =>
      api<IdentityStatus>('POST', '/api/v1/identity/binding', { verificationCode: trimmed }),
    );
    if (s) onBound(s);
  };
  return (
    <Card title={t('identity.counter.title')} style={{ height: '100%' }} data-testid="identity-counter">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          {t(unit ? 'identity.counter.introUnit' : 'identity.counter.intro')}
        </Typography.Paragraph>
        <Typography.Text>{t('identity.counter.code')}</Typography.Text>
        <Space.Compact style={{ width: '100%', maxWidth: 360 }}>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={16}
            autoComplete="off"
            placeholder="ABCDE-FGHJK"
            aria-label={t('identity.counter.code')}
            onPressEnter={() => (trimmed.length >= 6 ? void bind() : undefined)}
            data-testid="counter-code"
          />
          <Button
            type="primary"
            onClick={() => void bind()}
            loading={binding.busy}
            disabled={trimmed.length < 6}
            data-testid="counter-bind"
          >
            {t('identity.counter.bind')}
          </Button>
        </Space.Compact>
        <ErrorAlert error={binding.error} />
      </Space>
    </Card>
  );
}

function OidcCard() {
  const { t } = useTranslation();
  const starting = useSubmit();
  const start = async () => {
    const res = await starting.run(() => api<{ url: string }>('GET', '/api/v1/identity/oidc/authorization'));
    if (res) window.location.assign(res.url);
  };
  return (
    <Card title={t('identity.oidc.title')} data-testid="identity-oidc">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('identity.oidc.intro')}</Typography.Paragraph>
        <Button type="primary" onClick={() => void start()} loading={starting.busy} data-testid="oidc-start">
          {t('identity.oidc.start')}
        </Button>
        <ErrorAlert error={starting.error} />
      </Space>
    </Card>
  );
}
