import { ORGANISATION_CATEGORY_NAMES } from '@huimin/policy/vocabulary';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { ActivationCode } from '../../api/schema.js';
import { ApplicantIdentityFields } from '../../components/applicant-identity-fields.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { reasonRule } from '../../components/reason.js';
import { formatInstant, pick } from '../../components/format.js';
import { RegionSelect, useRegions } from '../../components/regions.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';

interface ActivationForm {
  kind: 'person' | 'organisation';
  idNumber?: string;
  creditCode?: string;
  name: string;
  category?: string;
  reason?: string;
}

/**
 * 实名激活码: at the service counter, a clerk who has seen the ID card (or the business licence and
 * the legal representative's card) issues a one-time code the applicant enters on 实名核验. A record
 * new to the registry is created from the card; one bound to another account moves only with the
 * reason the clerk verified.
 */
export function ActivationPage() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const regions = useRegions();
  const [form] = Form.useForm<ActivationForm>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [chosenRegion, setRegion] = useState<string>();
  const [needReason, setNeedReason] = useState(false);
  const [issued, setIssued] = useState<ActivationCode & { name: string }>();
  const { run, error, busy, fail } = useSubmit();
  // People live in a district: the clerk's own, or the first district under a city counter.
  const own = account?.regionCode ?? '';
  const regionCode = chosenRegion ?? regions.find((r) => r.parentCode === own)?.code ?? own;

  const submit = async (v: ActivationForm) => {
    const body = {
      kind: v.kind,
      ...(v.kind === 'person'
        ? { idNumber: (v.idNumber ?? '').trim().toUpperCase() }
        : { creditCode: (v.creditCode ?? '').trim().toUpperCase(), ...(v.category ? { category: v.category } : {}) }),
      name: v.name.trim(),
      regionCode,
      ...(needReason && v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    };
    const res = await run(async () => {
      try {
        return await api<ActivationCode>('POST', '/api/v1/identity/activation-codes', body);
      } catch (e) {
        // Bound to another account: the clerk says what they verified, and the code moves it.
        if (e instanceof ApiError && e.code === 'REBIND_REASON_REQUIRED') setNeedReason(true);
        throw e;
      }
    });
    if (res) setIssued({ ...res, name: body.name });
  };
  const next = () => {
    setIssued(undefined);
    setNeedReason(false);
    fail(undefined);
    form.resetFields();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} className="no-print">
        {t('activation.title')}
      </Typography.Title>
      {issued ? (
        <Card data-testid="activation-result" style={{ maxWidth: 640 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('activation.codeTitle')}</Typography.Text>
            <Typography.Text
              strong
              style={{
                fontSize: 40,
                fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                letterSpacing: 4,
              }}
              data-testid="activation-code"
              copyable={{ text: issued.code }}
            >
              {issued.code}
            </Typography.Text>
            <Typography.Text>{t('activation.for', { name: issued.name })}</Typography.Text>
            <Typography.Text>{t('activation.expires', { at: formatInstant(issued.expiresAt) })}</Typography.Text>
            {issued.rebind ? <Alert type="warning" showIcon title={t('activation.rebind')} /> : null}
            <Alert type="info" showIcon title={t('activation.tellApplicant')} />
            <Space className="no-print" style={{ marginTop: 8 }}>
              <Button type="primary" onClick={() => window.print()} data-testid="activation-print">
                {t('activation.print')}
              </Button>
              <Button onClick={next} data-testid="activation-next">
                {t('activation.next')}
              </Button>
            </Space>
          </Space>
        </Card>
      ) : (
        <Card style={{ maxWidth: 640 }}>
          <Typography.Paragraph type="secondary">{t('activation.intro')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ kind: 'person' }}
            onFinish={(v) => void submit(v)}
            onValuesChange={(changed: Partial<ActivationForm>) => {
              // Another person or unit: whatever was asked about the last one no longer holds.
              if ('kind' in changed || 'idNumber' in changed || 'creditCode' in changed) setNeedReason(false);
            }}
            data-testid="activation-form"
          >
            <ApplicantIdentityFields kind={kind} />
            <Form.Item label={t('common.region')}>
              <RegionSelect value={regionCode} onChange={setRegion} />
            </Form.Item>
            {kind === 'organisation' ? (
              <Form.Item name="category" label={t('activation.category')}>
                <Select
                  allowClear
                  options={Object.entries(ORGANISATION_CATEGORY_NAMES).map(([value, name]) => ({
                    value,
                    label: pick(name, i18n.language),
                  }))}
                />
              </Form.Item>
            ) : null}
            {needReason ? (
              <>
                <Alert type="warning" showIcon title={t('activation.rebindNeeded')} style={{ marginBottom: 16 }} />
                <Form.Item
                  name="reason"
                  label={t('activation.reason')}
                  required
                  rules={[reasonRule(t('activation.reasonRule'))]}
                >
                  <Input.TextArea rows={3} maxLength={500} placeholder={t('activation.reasonPlaceholder')} />
                </Form.Item>
              </>
            ) : null}
            <ErrorAlert error={error?.code === 'REBIND_REASON_REQUIRED' && needReason ? undefined : error} />
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              style={{ marginTop: 16 }}
              data-testid="activation-issue"
            >
              {needReason ? t('activation.issueRebind') : t('activation.issue')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
