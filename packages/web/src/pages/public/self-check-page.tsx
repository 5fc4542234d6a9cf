import { Alert, Button, Card, Col, Collapse, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, query } from '../../api/client.js';
import type { Decision } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { showOnFields } from '../../components/server-field-errors.js';
import { formatFen, pick, punctuation, todayInShanghai } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { DecisionView } from '../../components/reasons.js';
import { useLoad } from '../../components/use-load.js';
import { carriedAnswers, carryIntoApplication } from './self-check-carry.js';
import {
  answersAsFacts,
  ASKABLE,
  QuestionFields,
  type Question,
  type SelfCheckAnswers,
} from './self-check-questions.js';

/**
 * 政策计算器 ("what can I get"): the questions are the facts the conditions of the region's
 * subsidies in force read — a region that pays a start-up subsidy asks about a business — and the
 * engine decides every subsidy, explaining each answer with its article. Nothing is stored; the ID
 * number is only read for age and sex. An eligible result goes straight into an application, with
 * the answers carried over.
 */
export function SelfCheckPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [form] = Form.useForm<SelfCheckAnswers>();
  const [region, setRegion] = useState('510104');
  const [decisions, setDecisions] = useState<Decision[]>();
  const [answers, setAnswers] = useState<SelfCheckAnswers>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const today = todayInShanghai();
  const { data, error: loadError } = useLoad(
    () => api<{ questions: Question[] }>('GET', `/api/v1/self-check/questions${query({ region, date: today })}`),
    [region, today],
  );
  const questions = data?.questions ?? [];
  const asked = questions.filter((q) => ASKABLE.includes(q.field));
  const notAsked = questions.filter((q) => !ASKABLE.includes(q.field));
  const subsidyCount = new Set(questions.flatMap((q) => q.subsidies.map((s) => s.id))).size;

  const run = async (values: SelfCheckAnswers) => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<{ decisions: Decision[] }>('POST', '/api/v1/policies/evaluate', {
        region,
        date: today,
        applicant: answersAsFacts(values),
      });
      setDecisions(res.decisions);
      setAnswers(values);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setDecisions(undefined);
      if (!showOnFields(form, e, (path) => (path[0] === 'applicant' ? path.slice(1) : null))) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = (subsidy: string) => {
    carryIntoApplication(
      carriedAnswers(
        subsidy,
        {
          ...(answers?.businessCode ? { businessCode: answers.businessCode } : {}),
          ...(answers?.graduationDate ? { graduationDate: answers.graduationDate.format('YYYY-MM-DD') } : {}),
          ...(answers?.institution ? { institution: answers.institution } : {}),
        },
        today,
      ),
    );
    navigate(`/my/apply/${subsidy}`);
  };

  const eligible = (decisions ?? []).filter((d) => d.eligible);
  // Not open to this person: a subsidy in force here whose conditions they do not meet. One not offered
  // in this region, or not in force today, is no option at all, so it is not listed among them.
  const others = (decisions ?? []).filter((d) => !d.eligible && d.status === 'ineligible');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('selfCheck.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('selfCheck.intro')}</Typography.Paragraph>
      <ErrorAlert error={loadError} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void run(v)}
          initialValues={{ institution: 'university', businessForm: 'individual-business' }}
        >
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
            {subsidyCount > 0 ? (
              <Col xs={24}>
                <Alert type="info" showIcon title={t('facts.selfCheck.basedOn', { count: subsidyCount })} />
              </Col>
            ) : null}
            {asked.map((q) => (
              <QuestionFields key={q.field} question={q} />
            ))}
            {notAsked.length > 0 ? (
              <Col xs={24}>
                <Typography.Paragraph type="secondary">
                  {t('facts.selfCheck.notAsked', {
                    names: notAsked.map((q) => pick(q.label, lang)).join(punctuation(lang).list),
                  })}
                </Typography.Paragraph>
              </Col>
            ) : null}
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="self-check-run" size="large">
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
                <Space wrap>
                  <Tag color="green">{pick(d.name, lang)}</Tag>
                  {d.amountFen !== null ? formatFen(d.amountFen, lang) : t('decision.amountNotSet')}
                </Space>
              ),
              extra: (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`self-check-apply-${d.subsidy}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    apply(d.subsidy);
                  }}
                >
                  {t('facts.selfCheck.apply')}
                </Button>
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
