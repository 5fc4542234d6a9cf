import { Alert, App, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Application, EvidenceFile, Text } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant, pick } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { FactStandings } from '../applicant/fact-needs.js';

type DeclarationItem = NonNullable<Application['declarations']>[number];

const STATE_COLOUR: Record<DeclarationItem['state'], string> = {
  declared: 'orange',
  confirmed: 'blue',
  corrected: 'blue',
  rejected: 'red',
};

/** What a declared fact says, in words (a date and a kind of school; a status and since when). */
function declaredText(d: DeclarationItem, t: (k: string) => string): string {
  const data = d.data as { date?: string; institution?: string; from?: string };
  if (d.kind === 'graduation')
    return `${data.date ?? ''} ${data.institution === 'university' ? t('facts.declare.university') : t('facts.declare.technicalCollege')}`;
  return `${t('facts.declare.statusFrom')} ${data.from ?? ''}`;
}

/**
 * 受理时核验申报事项: each fact the applicant declared, with the evidence it needs; the clerk
 * confirms it from a file handed in, or rejects it saying what the file shows. Acceptance waits
 * until every one is decided. Beside it, where every fact the decision reads stands.
 */
export function DeclarationsCard({
  application,
  onDone,
}: {
  application: Application;
  onDone: (next: Application) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const { message } = App.useApp();
  const declarations = application.declarations ?? [];
  const deciding = can('application:accept') && application.state === 'submitted';
  const files = useLoad(
    () =>
      deciding && declarations.some((d) => d.state === 'declared')
        ? api<{ materials: Text[]; files: EvidenceFile[] }>('GET', `/api/v1/applications/${application.id}/evidence`)
        : Promise.resolve(undefined),
    [application.id, deciding, application.version],
  );
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [rejecting, setRejecting] = useState<string>();
  const [note, setNote] = useState('');
  const { run, error, busy } = useSubmit();

  if (declarations.length === 0 && (application.facts ?? []).length === 0) return null;
  const pending = declarations.filter((d) => d.state === 'declared').length;

  const decide = async (d: DeclarationItem, outcome: 'confirmed' | 'rejected') => {
    const next = await run(() =>
      api<Application>('POST', `/api/v1/applications/${application.id}/declarations/${d.id}`, {
        outcome,
        ...(evidence[d.id] ? { evidenceId: evidence[d.id] } : {}),
        ...(outcome === 'rejected' ? { note: note.trim() } : {}),
      }),
    );
    if (!next) return;
    void message.success(t(`facts.decision.states.${outcome}`));
    setRejecting(undefined);
    setNote('');
    onDone(next);
  };

  return (
    <Card
      title={declarations.length > 0 ? t('facts.decision.title') : t('facts.standing.title')}
      size="small"
      data-testid="declarations-card"
    >
      {deciding && pending > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('facts.decision.pendingAlert', { count: pending })}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <ErrorAlert error={error} />
      <List
        size="small"
        dataSource={declarations}
        renderItem={(d) => (
          <List.Item data-testid={`declaration-${d.kind}`}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{pick(d.label, lang)}</Typography.Text>
                <Typography.Text>{declaredText(d, t)}</Typography.Text>
                <Tag color={STATE_COLOUR[d.state]}>{t(`facts.decision.states.${d.state}`)}</Tag>
                {d.decidedAt ? (
                  <Typography.Text type="secondary">
                    {t('facts.decision.decidedAt', { at: formatInstant(d.decidedAt) })}
                  </Typography.Text>
                ) : null}
              </Space>
              <Typography.Text type="secondary">
                {t('facts.declare.evidence', { name: pick(d.evidence, lang) })}
              </Typography.Text>
              {d.note ? <Typography.Text type="secondary">{d.note}</Typography.Text> : null}
              {deciding && d.state === 'declared' ? (
                <Space wrap>
                  <Select
                    style={{ minWidth: 220 }}
                    placeholder={t('facts.decision.evidence')}
                    aria-label={t('facts.decision.evidence')}
                    allowClear
                    value={evidence[d.id]}
                    onChange={(v?: string) => setEvidence({ ...evidence, [d.id]: v ?? '' })}
                    options={(files.data?.files ?? []).map((f) => ({ value: f.id, label: f.fileName }))}
                    notFoundContent={t('facts.decision.noEvidence')}
                  />
                  <Button
                    type="primary"
                    loading={busy}
                    onClick={() => void decide(d, 'confirmed')}
                    data-testid="declaration-confirm"
                  >
                    {t('facts.decision.confirm')}
                  </Button>
                  <Button danger onClick={() => setRejecting(rejecting === d.id ? undefined : d.id)}>
                    {t('facts.decision.reject')}
                  </Button>
                </Space>
              ) : null}
              {rejecting === d.id ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    placeholder={t('facts.decision.rejectNote')}
                    aria-label={t('facts.decision.rejectNote')}
                    value={note}
                    maxLength={500}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <Button danger loading={busy} disabled={!note.trim()} onClick={() => void decide(d, 'rejected')}>
                    {t('facts.decision.reject')}
                  </Button>
                </Space.Compact>
              ) : null}
            </Space>
          </List.Item>
        )}
        locale={{ emptyText: ' ' }}
        style={declarations.length === 0 ? { display: 'none' } : undefined}
      />
      <FactStandings facts={application.facts ?? []} heading={declarations.length > 0} />
    </Card>
  );
}
