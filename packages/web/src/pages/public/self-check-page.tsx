import { PERSON_STATUS_NAMES } from '@huimin/policy/vocabulary';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Decision } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, pick, todayInShanghai } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { DecisionView } from '../../components/reasons.js';

interface SelfCheckForm {
  idNumber: string;
  retirementCategory?: 'male' | 'female-cadre' | 'female-worker';
  hukouRegion?: string;
  rural?: boolean;
  statuses?: string[];
  statusSince?: Dayjs;
  graduationDate?: Dayjs;
  institution?: string;
}

/** The statuses people most often know they have; the full list is the registry's business. */
const COMMON_STATUSES = [
  'registered-unemployed',
  'hard-to-employ',
  'dibao-household',
  'zero-employment-household',
  'disabled',
  'veteran',
  'returning-migrant-worker',
  'poverty-alleviated',
  'national-student-loan',
] as const;

/**
 * 政策计算器 ("what can I get"): the public answers a few questions and the engine decides every
 * subsidy, explaining each answer with its article. Nothing is stored; the ID number is only read
 * for age and sex and is not kept.
 */
export function SelfCheckPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<SelfCheckForm>();
  const [region, setRegion] = useState('510104');
  const [decisions, setDecisions] = useState<Decision[]>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const run = async (values: SelfCheckForm) => {
    setBusy(true);
    setError(undefined);
    const since = values.statusSince?.format('YYYY-MM-DD') ?? '2020-01-01';
    try {
      const res = await api<{ decisions: Decision[] }>('POST', '/api/v1/policies/evaluate', {
        region,
        date: todayInShanghai(),
        applicant: {
          kind: 'person',
          idNumber: values.idNumber.trim().toUpperCase(),
          ...(values.retirementCategory ? { retirementCategory: values.retirementCategory } : {}),
          ...(values.hukouRegion ? { hukouRegion: values.hukouRegion } : {}),
          ...(values.rural !== undefined ? { rural: values.rural } : {}),
          statuses: (values.statuses ?? []).map((kind) => ({ kind, from: since })),
          ...(values.graduationDate
            ? {
                graduation: {
                  date: values.graduationDate.format('YYYY-MM-DD'),
                  institution: values.institution ?? 'university',
                },
              }
            : {}),
        },
      });
      setDecisions(res.decisions);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      setDecisions(undefined);
      if (e.field)
        form.setFields([{ name: e.field.replace(/^applicant\./, '') as keyof SelfCheckForm, errors: [e.message] }]);
    } finally {
      setBusy(false);
    }
  };

  const eligible = (decisions ?? []).filter((d) => d.eligible);
  const others = (decisions ?? []).filter((d) => !d.eligible && d.status !== 'not-applicable');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('selfCheck.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('selfCheck.intro')}</Typography.Paragraph>
      <Card>
        <Form form={form} layout="vertical" onFinish={(v) => void run(v)} initialValues={{ institution: 'university' }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('common.region')}>
                <RegionSelect value={region} onChange={setRegion} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="idNumber"
                label={t('person.idNumber')}
                rules={[{ required: true, message: t('validation.required', { field: t('person.idNumber') }) }]}
                extra={t('selfCheck.idNotKept')}
              >
                <Input autoComplete="off" maxLength={18} data-testid="self-check-id" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="retirementCategory" label={t('person.retirementCategory')}>
                <Select
                  allowClear
                  options={(['male', 'female-cadre', 'female-worker'] as const).map((v) => ({
                    value: v,
                    label: t(`person.retirement.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="rural" valuePropName="checked" label={t('person.rural')}>
                <Checkbox>{t('person.ruralYes')}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="statuses" label={t('selfCheck.statuses')}>
                <Checkbox.Group
                  options={COMMON_STATUSES.map((k) => ({ value: k, label: pick(PERSON_STATUS_NAMES[k], lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="statusSince" label={t('selfCheck.statusSince')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="graduationDate" label={t('selfCheck.graduationDate')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="institution" label={t('selfCheck.institution')}>
                <Select
                  options={(['university', 'technical-college'] as const).map((v) => ({
                    value: v,
                    label: t(`selfCheck.institutions.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="self-check-run">
            {t('selfCheck.run')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      {decisions ? (
        <Card title={t('selfCheck.eligibleTitle', { count: eligible.length })} data-testid="self-check-result">
          {eligible.length === 0 ? <Typography.Text>{t('selfCheck.noneEligible')}</Typography.Text> : null}
          <Collapse
            items={eligible.map((d) => ({
              key: d.subsidy,
              label: (
                <Space>
                  <Tag color="green">{pick(d.name, lang)}</Tag>
                  {d.amountFen !== null ? formatFen(d.amountFen, lang) : t('decision.amountNotSet')}
                </Space>
              ),
              children: <DecisionView decision={d} />,
            }))}
          />
          {others.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('selfCheck.notEligibleTitle')}
              </Typography.Title>
              <Collapse
                size="small"
                items={others.map((d) => ({
                  key: d.subsidy,
                  label: pick(d.name, lang),
                  children: <DecisionView decision={d} />,
                }))}
              />
            </>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
