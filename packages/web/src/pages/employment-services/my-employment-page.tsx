import { Button, Card, Descriptions, Empty, Form, Grid, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RegionSelect, useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { CaseState, PromiseText } from './cases-page.js';
import { CATEGORIES } from './certifications-page.js';
import {
  listCheckText,
  today,
  type AssistanceCase,
  type Certification,
  type Registration,
} from './employment-common.js';

/** The applicant's own: registrations (and registering as unemployed), certifications (and applying), assistance. */
export function MyEmploymentPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const regionName = useRegionName();
  const registrations = useLoad(
    () => api<{ registrations: Registration[] }>('GET', '/api/v1/employment-services/my-registrations'),
    [],
  );
  const certifications = useLoad(
    () => api<{ certifications: Certification[] }>('GET', '/api/v1/employment-services/my-certifications'),
    [],
  );
  const cases = useLoad(() => api<{ cases: AssistanceCase[] }>('GET', '/api/v1/employment-services/my-cases'), []);
  const register = useSubmit();
  const apply = useSubmit();
  const narrow = Grid.useBreakpoint().md === false;
  const open = registrations.data?.registrations.find((r) => !r.endsOn);
  const live = certifications.data?.certifications.find((c) => c.state === 'filed' || c.state === 'certified');

  const registerUnemployed = async (values: {
    regionCode: string;
    basis: 'residence' | 'hukou';
    community?: string;
    startsOn: string;
  }) => {
    if (
      await register.run(() =>
        api('POST', '/api/v1/employment-services/my-registrations', {
          ...values,
          community: values.community?.trim() || undefined,
        }),
      )
    ) {
      registrations.reload();
      cases.reload();
    }
  };
  const applyCertification = async (values: { category: string; evidence?: string }) => {
    const body = { category: values.category, evidence: values.evidence?.trim() || undefined };
    if (await apply.run(() => api('POST', '/api/v1/employment-services/my-certifications', body)))
      certifications.reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('employment.mine.title')}</Typography.Title>
      <Card size="small" title={t('employment.mine.registrations')}>
        <ErrorAlert error={registrations.error} />
        {registrations.data?.registrations.length === 0 ? <Empty description={t('employment.mine.none')} /> : null}
        {registrations.data?.registrations.map((r) => (
          <Descriptions key={r.id} size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('employment.registrations.kind')}>
              {t(`employment.kinds.${r.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.registrations.region')}>
              {regionName(r.regionCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.registrations.basis')}>
              {t(`employment.basis.${r.basis}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.registrations.card')}>{r.cardNumber}</Descriptions.Item>
            <Descriptions.Item label={t('employment.registrations.startsOn')}>{r.startsOn}</Descriptions.Item>
            {r.endsOn ? (
              <Descriptions.Item label={t('employment.registrations.endsOn')}>{r.endsOn}</Descriptions.Item>
            ) : null}
            {r.endReason ? (
              <Descriptions.Item label={t('employment.registrations.reason')}>
                {t(`employment.endReasons.${r.endReason}`)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ))}
        {!open ? (
          <Form
            // One field a line on a phone: inline, the community's box ran past the card's edge.
            layout={narrow ? 'vertical' : 'inline'}
            initialValues={{ regionCode: account?.regionCode, basis: 'residence', startsOn: today() }}
            onFinish={(v) => void registerUnemployed(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="regionCode" label={t('employment.registrations.region')} rules={[{ required: true }]}>
              <RegionSelect value={account?.regionCode ?? ''} onChange={() => undefined} />
            </Form.Item>
            <Form.Item name="basis" label={t('employment.registrations.basis')} rules={[{ required: true }]}>
              <Select
                style={{ minWidth: 160 }}
                options={(['residence', 'hukou'] as const).map((b) => ({
                  value: b,
                  label: t(`employment.basis.${b}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="community" label={t('employment.registrations.community')}>
              <Input maxLength={100} />
            </Form.Item>
            {/* A registration made online starts on the day it is made: shown, not typed (the server refuses another day). */}
            <Form.Item name="startsOn" label={t('employment.registrations.startsOn')} rules={[{ required: true }]}>
              <Input readOnly data-testid="registration-starts-on" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={register.busy}>
              {t('employment.mine.registerUnemployed')}
            </Button>
          </Form>
        ) : null}
        <ErrorAlert error={register.error} />
      </Card>
      <Card size="small" title={t('employment.mine.certifications')}>
        {certifications.data?.certifications.map((c) => (
          <Descriptions key={c.id} size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('employment.certifications.category')}>
              {t(`employment.categories.${c.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <Tag>{t(`employment.states.${c.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.certifications.reviewDue')}>{c.reviewDue ?? ''}</Descriptions.Item>
            {c.listCheck ? (
              <Descriptions.Item label={t('employment.certifications.listCheck')}>
                {listCheckText(t, c)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ))}
        {!live ? (
          <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void applyCertification(v)}>
            <Form.Item name="category" label={t('employment.certifications.category')} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`employment.categories.${c}`) }))} />
            </Form.Item>
            <Form.Item
              name="evidence"
              label={t('employment.certifications.evidence')}
              extra={t('employment.certifications.evidenceHelp')}
            >
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
            <Button htmlType="submit" loading={apply.busy}>
              {t('employment.mine.apply')}
            </Button>
          </Form>
        ) : null}
        <ErrorAlert error={certifications.error ?? apply.error} />
      </Card>
      <Card size="small" title={t('employment.mine.cases')}>
        {cases.data?.cases.length === 0 ? <Empty description={t('employment.mine.none')} /> : null}
        {cases.data?.cases.map((c) => (
          <Descriptions key={c.id} size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('employment.cases.kind')}>
              {t(`employment.caseKinds.${c.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.cases.status')}>
              <CaseState c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.cases.promise')}>
              <PromiseText c={c} />
            </Descriptions.Item>
          </Descriptions>
        ))}
      </Card>
    </Space>
  );
}
