import { Alert, Card, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DecisionView } from '../../components/reasons.js';
import type { Declaration } from './declaration-fields.js';
import { formAsks } from './claim-model.js';
import { FactNeeds, FactStandings, type PreviewAnswer } from './fact-needs.js';
import { useStateLabel } from '../applications/state-tag.js';

/**
 * 提交前预判: what the engine would decide today on the registry's facts, the claim as typed and
 * what the applicant declares, each unmet condition with its article and what would change it,
 * asked again a moment after the applicant stops typing.
 */
export function DecisionPreview({
  subsidy,
  claim,
  declarations,
  onAnswer,
  onDeclare,
}: {
  subsidy: string;
  claim: Record<string, unknown>;
  declarations: readonly Declaration[];
  onAnswer?: (answer: PreviewAnswer | undefined) => void;
  onDeclare?: (kind: 'graduation' | 'status') => void;
}) {
  const { t, i18n } = useTranslation();
  const stateLabel = useStateLabel();
  const [decision, setDecision] = useState<PreviewAnswer>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify({ claim, declarations });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      const typed = JSON.parse(key) as { claim: object; declarations: Declaration[] };
      api<PreviewAnswer>('POST', '/api/v1/applications/decision-preview', {
        subsidy,
        claim: typed.claim,
        ...(typed.declarations.length ? { declarations: typed.declarations } : {}),
      })
        .then((d) => {
          if (!live) return;
          setDecision(d);
          setError(undefined);
          onAnswer?.(d);
        })
        .catch((e: unknown) => {
          if (!live) return;
          setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
          // The last decision was for what was typed before: shown under this refusal, it would read as this claim's.
          setDecision(undefined);
          onAnswer?.(undefined);
        })
        .finally(() => {
          if (live) setLoading(false);
        });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The callbacks change on every render of the page; what is asked depends only on these.
  }, [subsidy, key, i18n.language]);

  return (
    <Card size="small" title={t('apply.preview.title')} data-testid="apply-preview" style={{ marginBottom: 16 }}>
      <Spin spinning={loading}>
        <ErrorAlert error={error} />
        {decision ? (
          <>
            {decision.existing ? (
              // Filing a second for the same period would be refused: said before the form is filled in.
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                data-testid="preview-existing"
                title={t('apply.preview.existing', {
                  number: decision.existing.number,
                  state: stateLabel(decision.existing),
                })}
                action={<Link to={`/applications/${decision.existing.id}`}>{t('apply.preview.openExisting')}</Link>}
              />
            ) : (
              <Alert
                type={decision.eligible ? 'success' : 'warning'}
                showIcon
                style={{ marginBottom: 8 }}
                title={decision.eligible ? t('apply.preview.eligible') : t('apply.preview.notYet')}
              />
            )}
            <DecisionView decision={decision} />
            <FactNeeds
              needs={decision.needs.map((n) => ({
                ...n,
                // "Fill it in on the form" only for what this form has a field for.
                facts: n.facts.filter((f) => f.source !== 'claim' || formAsks(subsidy, f.field)),
              }))}
              onDeclare={onDeclare}
            />
            <FactStandings facts={decision.facts} />
          </>
        ) : null}
      </Spin>
    </Card>
  );
}
