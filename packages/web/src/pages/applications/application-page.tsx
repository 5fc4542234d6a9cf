import { citationIn } from '@huimin/policy/citations';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { Application, Decision, RiskFlag } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatInstant, pick, pickLabel, punctuation } from '../../components/format.js';
import { DecisionView } from '../../components/reasons.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { ActionsPanel, actionsHere } from './actions-panel.js';
import { ApplicationPager } from './application-pager.js';
import { DeclarationsCard } from './declarations-card.js';
import { DeferredMaterialsCard } from './deferred-materials-card.js';
import { LoanClaim } from './loan-claim.js';
import { EvidencePanel, useEvidence } from './evidence-panel.js';
import { NOTICE_OF_STATE } from './notice-page.js';
import { correctionAsked, CorrectionCards } from './correction-cards.js';
import { NextStepAlert } from './next-step-alert.js';
import { useNoticesReadOn } from './notices-read.js';
import { DecidedAmount } from './decided-amount.js';
import { DraftPrecheck } from './draft-precheck.js';
import { StateTag } from './state-tag.js';
import { PaymentNoteText } from './payment-note-text.js';
import { periodText } from './period-text.js';
import { WorkflowSteps } from './workflow-steps.js';

/**
 * One application, for the applicant and for staff alike: the facts claimed, the files, the
 * engine's latest decision with each reason and article, the risk warnings, the history, and the
 * actions this account may take now.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const { can } = useSession();
  const {
    data: application,
    error,
    replace,
  } = useLoad(() => api<Application>('GET', `/api/v1/applications/${id}`), [id]);
  const evidence = useEvidence(id);
  useNoticesReadOn(id, can('application:own'));

  if (error) return <ErrorAlert error={error} />;
  if (!application) return null;
  const decision = [...(application.events ?? [])].reverse().find((e) => e.decision)?.decision as Decision | undefined;
  const returnedFor = correctionAsked(application);
  const applicantSide = can('application:own', 'application:create');
  const notice = NOTICE_OF_STATE[application.state];
  // Missing: neither handed in nor waived (the platform holds it from shared data or an office record).
  const missingMaterials = (evidence.data?.materials ?? [])
    .filter((_, i) => !evidence.data?.files.some((f) => f.material === i) && !evidence.data?.waived.includes(i))
    .map((m) => pick(m, lang));
  const judgingNow = application.actions.some((a) => a === 'review' || a === 'approve');
  const correcting = returnedFor !== undefined && applicantSide;
  const materialsCard = (
    <Card title={t('evidence.title')} size="small">
      <EvidencePanel
        applicationId={application.id}
        evidence={evidence}
        canUpload={applicantSide && (application.state === 'draft' || application.state === 'returned')}
        uploadable={
          applicantSide
            ? (application.deferredMaterials ?? [])
                .filter((d) => d.state === 'promised' || d.state === 'supplied')
                .map((d) => d.material)
            : []
        }
      />
    </Card>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {pick(application.subsidyName, lang)}
        </Typography.Title>
        <StateTag application={application} />
        {application.overdue ? <Tag color="red">{t('application.overdue')}</Tag> : null}
      </Space>
      {can('application:own') ? <NextStepAlert application={application} /> : null}
      {can('application:read') ? <ApplicationPager id={application.id} /> : null}
      {can('application:read') ? (
        <Card size="small">
          <WorkflowSteps application={application} />
        </Card>
      ) : null}
      {judgingNow && missingMaterials.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('backOffice.workflow.missingMaterials', {
            names: missingMaterials.join(t('backOffice.workflow.separator')),
          })}
          data-testid="materials-missing"
        />
      ) : null}
      <CorrectionCards application={application} />
      {/* Returned to the applicant: the files to correct come right under what was asked, above the
          button that sends it back, not a phone's length further down. */}
      {correcting ? materialsCard : null}
      {/* No card when the person can do nothing here: an applicant whose claim is decided saw an
          empty box under the note. */}
      {actionsHere(application, can).length > 0 || (notice && can('application:read')) ? (
        <Card size="small">
          <ActionsPanel
            application={application}
            onDone={replace}
            missingMaterials={judgingNow ? missingMaterials : []}
          />
          {notice && can('application:read') ? (
            <Link to={`/applications/${application.id}/notice/${notice}`} style={{ marginLeft: 8 }}>
              {t('notice.print', { name: t(`notice.kinds.${notice}`) })}
            </Link>
          ) : null}
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('application.details')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('application.number')}>{application.number}</Descriptions.Item>
              {/* A Space, not a typed blank: the item's content is a flex box, which drops a blank
                  between its children and ran the name into the ID number (李娜510104…). */}
              <Descriptions.Item label={t('application.applicant')}>
                <Space size={8} wrap data-testid="applicant-line">
                  {can('registry:read') && application.applicantKind === 'person' ? (
                    <Link to={`/registry/people/${application.applicant.id}`}>{application.applicant.name}</Link>
                  ) : (
                    application.applicant.name
                  )}
                  <Typography.Text type="secondary">{application.applicant.identifier}</Typography.Text>
                </Space>
              </Descriptions.Item>
              {application.payee ? (
                <Descriptions.Item label={t('application.payee')}>
                  <Space size={8} wrap>
                    {application.payee.name}
                    <Typography.Text type="secondary">{application.payee.identifier}</Typography.Text>
                  </Space>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('common.region')}>{regionName(application.regionCode)}</Descriptions.Item>
              <Descriptions.Item label={t('application.period')}>
                {periodText(application.periodKey, t)}
              </Descriptions.Item>
              <Descriptions.Item label={t('application.submittedOn')}>
                {application.submittedOn ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('application.dueOn')}>{application.dueOn ?? '—'}</Descriptions.Item>
              {application.publicityEndsOn ? (
                <Descriptions.Item label={t('application.publicityEndsOn')}>
                  {application.publicityEndsOn}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('application.amount')}>
                <DecidedAmount application={application} />
              </Descriptions.Item>
              {claimRows((application.claim ?? {}) as Record<string, unknown>, application.periodKey).map(([k, v]) => (
                <Descriptions.Item key={k} label={t(`claim.${k}`)}>
                  {k === 'loan' && v && typeof v === 'object' ? (
                    <LoanClaim value={v} />
                  ) : typeof v === 'object' ? (
                    <ClaimValue value={v} people={application.listedPeople ?? []} />
                  ) : k.endsWith('Fen') && typeof v === 'number' ? (
                    formatFen(v, lang)
                  ) : (
                    String(v)
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('application.decision')} size="small" data-testid="decision">
            {application.decidedStatus === 'awaiting-confirmation' ? (
              <Alert
                type="info"
                showIcon
                title={t('application.awaitingConfirmation')}
                style={{ marginBottom: 12 }}
                data-testid="decision-awaiting-confirmation"
              />
            ) : null}
            {decision ? (
              <DecisionView decision={decision} />
            ) : application.state === 'draft' && applicantSide ? (
              <DraftPrecheck applicationId={application.id} version={application.version} />
            ) : (
              <Empty description={t('application.noDecisionYet')} />
            )}
          </Card>
        </Col>
        {(application.declarations ?? []).length > 0 || (application.facts ?? []).length > 0 ? (
          <Col xs={24}>
            <DeclarationsCard application={application} onDone={replace} />
          </Col>
        ) : null}
        {(application.deferredMaterials ?? []).length > 0 ? (
          <Col xs={24}>
            <DeferredMaterialsCard application={application} onDone={replace} />
          </Col>
        ) : null}
        {application.riskFlags && application.riskFlags.length > 0 ? (
          <Col xs={24}>
            <RiskFlags application={application} onCleared={replace} />
          </Col>
        ) : null}
        {correcting ? null : (
          <Col xs={24} lg={12}>
            {materialsCard}
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t('application.history')} size="small">
            <Timeline
              items={(application.events ?? []).map((e) => ({
                color:
                  e.toState === 'rejected' || e.toState === 'not-accepted'
                    ? 'red'
                    : e.toState === 'returned'
                      ? 'orange'
                      : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>{pickLabel(e.actionName, lang)}</Typography.Text> ·{' '}
                    {e.actor || t('facts.deferred.platform')} · {formatInstant(e.at)}
                    {e.reason ? (
                      <div>
                        {/* A payment's note is the batch and the bank's reference, a resubmission's the
                            applicant's account of the correction: neither is a reason. */}
                        {t(
                          e.toState === 'paid'
                            ? 'application.paymentReference'
                            : e.action === 'resubmit'
                              ? 'application.correctionNote'
                              : 'application.reason',
                        )}
                        {punctuation(lang).colon}
                        {e.toState === 'paid' ? <PaymentNoteText note={e.reason} /> : e.reason}
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * A part of the claim made of several fields (a hire, a service, a project), each by its label in
 * the page's language (合同期限（月）, not contractMonths); a field without a label keeps its name.
 */
/** A claim's list (hires, interns, workers) or record, each person by name and masked ID, not by id. */
function ClaimValue({ value, people }: { value: unknown; people: NonNullable<Application['listedPeople']> }) {
  const { t, i18n } = useTranslation();
  const { colon, list } = punctuation(i18n.language);
  const fields = (v: Record<string, unknown>) => {
    const person = typeof v.personId === 'string' ? people.find((p) => p.id === v.personId) : undefined;
    const said = Object.entries(v)
      .filter(([k]) => k !== 'personId')
      .map(([k, x]) => {
        const label = i18n.exists(`claim.${k}`) ? t(`claim.${k}`) : k;
        const shown = k.endsWith('Fen') && typeof x === 'number' ? formatFen(x, i18n.language) : String(x);
        return `${label}${colon}${shown}`;
      });
    return [...(person ? [`${person.name} ${person.identifier}`] : []), ...said].join(list);
  };
  if (Array.isArray(value))
    return (
      <span>
        {value.map((v, i) => (
          <div key={i}>{typeof v === 'object' && v ? fields(v as Record<string, unknown>) : String(v)}</div>
        ))}
      </span>
    );
  return <span>{fields(value as Record<string, unknown>)}</span>;
}

function RiskFlags({ application, onCleared }: { application: Application; onCleared: (a: Application) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [clearing, setClearing] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const clear = async (flag: RiskFlag) => {
    setError(undefined);
    try {
      const next = await api<Application>(
        'POST',
        `/api/v1/applications/${application.id}/risk-flags/${flag.id}/clearance`,
        { reason: reason.trim() },
      );
      void message.success(t('risk.cleared'));
      setClearing(undefined);
      setReason('');
      onCleared(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };
  return (
    <Card title={t('risk.title')} size="small" data-testid="risk-flags">
      <ErrorAlert error={error} />
      <List
        size="small"
        dataSource={application.riskFlags ?? []}
        renderItem={(f) => (
          <List.Item
            actions={
              !f.clearedAt && f.severity === 'review' && can('application:review')
                ? [
                    clearing === f.id ? (
                      <Space key="c">
                        <Input
                          size="small"
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          placeholder={t('risk.whatChecked')}
                        />
                        <Button size="small" type="primary" disabled={!reason.trim()} onClick={() => void clear(f)}>
                          {t('actions.confirm')}
                        </Button>
                      </Space>
                    ) : (
                      <Button key="c" size="small" onClick={() => setClearing(f.id)}>
                        {t('risk.clear')}
                      </Button>
                    ),
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Space>
                <Tag color={f.clearedAt ? 'default' : f.severity === 'block' ? 'red' : 'orange'}>
                  {t(`risk.severity.${f.severity}`)}
                </Tag>
                {pick(f.message, i18n.language)}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('decision.basis')}: {citationIn(f.cites, i18n.language)}
                {f.clearedAt
                  ? ` · ${t('risk.clearedAt', { at: formatInstant(f.clearedAt) })}: ${f.clearance ?? ''}`
                  : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * The claim's fields in the order a person reads them: the database keeps a claim's keys in its own
 * order (toMonth before fromMonth), and the months a period already names are not said twice.
 */
function claimRows(claim: Record<string, unknown>, periodKey: string): [string, unknown][] {
  const months = ['fromMonth', 'toMonth'];
  const saidByPeriod = /^months?:/.test(periodKey);
  const rank = (k: string) => (months.includes(k) ? months.indexOf(k) : months.length);
  return Object.entries(claim)
    .filter(([k]) => !(saidByPeriod && months.includes(k)))
    .sort(([a], [b]) => rank(a) - rank(b));
}
