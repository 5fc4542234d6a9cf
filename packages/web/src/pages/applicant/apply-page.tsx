import { citationIn } from '@huimin/policy/citations';
import { Alert, Button, Card, Descriptions, Form, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, query } from '../../api/client.js';
import type { Application, PolicyListing } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { showOnFields } from '../../components/server-field-errors.js';
import { pick, todayInShanghai } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { ClaimFields } from './claim-fields.js';
import { toClaim, type ClaimFormValues } from './claim-model.js';
import { completeDeclarations, DeclarationFields, type Declaration } from './declaration-fields.js';
import { DecisionPreview } from './decision-preview.js';
import { carriedFor, clearCarried } from '../public/self-check-carry.js';
import type { PreviewAnswer } from './fact-needs.js';

/**
 * 申请: choose a subsidy open to this applicant in their region, answer what its claim asks, and
 * save a draft; the files and the submission follow on the application's own page.
 */
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const navigate = useNavigate();
  const params = useParams();
  const [subsidy, setSubsidy] = useState<string | undefined>(params.subsidy);
  const [form] = Form.useForm<ClaimFormValues>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // The claim as typed so far, for the engine's answer before anything is filed.
  const [typed, setTyped] = useState<Record<string, unknown>>(() => {
    const c = carriedFor(params.subsidy);
    return c ? { ...c.claim } : {};
  });
  // What the applicant declares because no shared data holds it (申报), confirmed at acceptance.
  // Answers the self-check carried here (政策计算器 → 申请): the business's code and the graduation.
  const [carried] = useState(() => carriedFor(params.subsidy));
  const [declared, setDeclared] = useState<Declaration[]>(carried?.declarations ?? []);
  const [answer, setAnswer] = useState<PreviewAnswer>();
  const statusOptions =
    answer?.needs
      .flatMap((n) => n.facts.flatMap((f) => f.options ?? []))
      .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i) ?? [];
  // The declaration's fields open above the conditions that asked for them, off a phone's screen:
  // each "declare" brings them into view once they are drawn.
  const [declaring, setDeclaring] = useState(0);
  useEffect(() => {
    if (declaring > 0) document.querySelector('[data-testid="declarations"]')?.scrollIntoView({ block: 'center' });
  }, [declaring]);
  const declare = (kind: 'graduation' | 'status') => {
    setDeclaring((n) => n + 1);
    if (kind === 'graduation' && declared.some((d) => d.kind === 'graduation')) return;
    setDeclared([...declared, kind === 'graduation' ? { kind, data: {} } : { kind, data: {} }]);
  };
  // One key per form: a double click or a retry after a lost answer never files twice.
  const idempotencyKey = useMemo(() => `web-${crypto.randomUUID().replaceAll('-', '')}`, []);

  const kind = account?.organisationId ? 'organisation' : 'person';
  const region = account?.regionCode ?? '510000';
  const { data, error: loadError } = useLoad(
    () => api<{ policies: PolicyListing[] }>('GET', `/api/v1/policies${query({ region, date: todayInShanghai() })}`),
    [region, lang],
  );
  const open = (data?.policies ?? []).filter((p) => p.inForce && p.applicant === kind);
  const chosen = open.find((p) => p.id === subsidy);
  // Asked for by its address (a card's link, a bookmark) but not open to this kind of applicant: said
  // so, and nothing chosen, rather than a raw code in the box and a button that stays grey.
  const notOpen = data && subsidy && !chosen ? data.policies.find((p) => p.id === subsidy) : undefined;

  const save = async (values: ClaimFormValues) => {
    if (!subsidy) return;
    setBusy(true);
    setError(undefined);
    try {
      const application = await api<Application>('POST', '/api/v1/applications', {
        subsidy,
        claim: toClaim(subsidy, values),
        ...(completeDeclarations(declared).length ? { declarations: completeDeclarations(declared) } : {}),
        idempotencyKey,
      });
      clearCarried();
      navigate(`/applications/${application.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // A claim's field is shown where it was typed (a hire's ID number under that row); the rest above the button.
      if (!showOnFields(form, e, (path) => (path[0] === 'claim' ? path.slice(1) : null))) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('apply.title')}</Typography.Title>
      <ErrorAlert error={loadError} />
      <Card>
        {carried ? (
          <Alert type="success" showIcon title={t('facts.selfCheck.carried')} style={{ marginBottom: 16 }} />
        ) : null}
        {carried?.graduationAhead ? (
          <Alert
            type="info"
            showIcon
            data-testid="graduation-ahead"
            title={t('facts.selfCheck.graduationAhead', { date: carried.graduationAhead })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form
          form={form}
          initialValues={carried?.claim}
          layout="vertical"
          onFinish={(v) => void save(v)}
          // Enter confirms a typed date or number; it must not file a half-filled claim (only the button saves).
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
          }}
          onValuesChange={(_, all) => subsidy && setTyped(toClaim(subsidy, all))}
        >
          {notOpen ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="apply-not-open"
              title={t(notOpen.applicant === kind ? 'apply.notInForce' : `apply.notFor.${kind}`, {
                name: pick(notOpen.name, lang),
              })}
            />
          ) : null}
          <Form.Item label={t('apply.subsidy')} required>
            <Select
              data-testid="apply-subsidy"
              value={chosen?.id}
              onChange={(v: string) => {
                setSubsidy(v);
                setDeclared([]);
              }}
              placeholder={t('apply.choose')}
              options={open.map((p) => ({ value: p.id, label: pick(p.name, lang) }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          {chosen?.scheme ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 16 }}
              // Four characters on one line: on a phone the label column otherwise shrinks to one a line.
              styles={{ label: { whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label={t('policies.who')}>{pick(chosen.scheme.who, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('policies.standard')}>{pick(chosen.scheme.standard, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('policies.materials')}>
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {chosen.scheme.materials.map((m, i) => (
                    <li key={i}>{pick(m, lang)}</li>
                  ))}
                </ol>
                <Typography.Text type="secondary">{t('apply.filesNext')}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('decision.basis')}>
                {citationIn(chosen.scheme.basis, i18n.language)}
              </Descriptions.Item>
            </Descriptions>
          ) : null}
          {chosen ? <ClaimFields subsidy={chosen.id} /> : null}
          <DeclarationFields value={declared} onChange={setDeclared} statusOptions={statusOptions} />
          {chosen ? (
            <DecisionPreview
              subsidy={chosen.id}
              claim={typed}
              declarations={completeDeclarations(declared)}
              onAnswer={setAnswer}
              onDeclare={declare}
            />
          ) : null}
          <ErrorAlert error={error} />
          <Button
            type="primary"
            htmlType="submit"
            disabled={!chosen}
            loading={busy}
            style={{ marginTop: 16 }}
            data-testid="apply-save"
          >
            {t('apply.saveDraft')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
