import { citationIn } from '@huimin/policy/citations';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Decision, paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick, punctuation } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';

export type SubmissionCheck =
  paths['/api/v1/applications/{id}/submission-check']['get']['responses'][200]['content']['application/json'];

/** The conditions not met, each with what the engine found and its article. */
export function UnmetList({
  unmet,
}: {
  unmet: readonly Pick<Decision['reasons'][number], 'message' | 'detail' | 'cites'>[];
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const { open, close } = punctuation(lang);
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {unmet.map((r, i) => (
        <li key={i}>
          {pick(r.message, lang)}
          {r.detail ? `${open}${pick(r.detail, lang)}${close}` : ''} · {citationIn(r.cites, lang)}
        </li>
      ))}
    </ul>
  );
}

/**
 * 提交前预判 on a saved draft: it has no decision until submitted, so the card says what the engine
 * would decide on today's facts, and which conditions are unmet, rather than standing empty.
 */
export function DraftPrecheck({ applicationId, version }: { applicationId: string; version: number }) {
  const { t } = useTranslation();
  const { data, error } = useLoad(
    () => api<SubmissionCheck>('GET', `/api/v1/applications/${applicationId}/submission-check`),
    [applicationId, version],
  );
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <div data-testid="draft-precheck">
      <Alert
        type={data.eligible ? 'success' : 'warning'}
        showIcon
        title={t(data.eligible ? 'application.draftEligible' : 'application.draftNotYet')}
        description={data.eligible ? undefined : <UnmetList unmet={data.unmet} />}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('application.noDecisionYet')}
      </Typography.Paragraph>
    </div>
  );
}
