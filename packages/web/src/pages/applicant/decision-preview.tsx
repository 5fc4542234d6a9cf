import { Alert, Card, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Decision } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DecisionView } from '../../components/reasons.js';

/**
 * 提交前预判: what the engine would decide today on the registry's facts and the claim as typed,
 * each unmet condition with its article, asked again a moment after the applicant stops typing.
 */
export function DecisionPreview({ subsidy, claim }: { subsidy: string; claim: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const [decision, setDecision] = useState<Decision>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(claim);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api<Decision>('POST', '/api/v1/applications/decision-preview', { subsidy, claim: JSON.parse(key) as object })
        .then((d) => {
          if (!live) return;
          setDecision(d);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
        })
        .finally(() => {
          if (live) setLoading(false);
        });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [subsidy, key, i18n.language]);

  return (
    <Card size="small" title={t('apply.preview.title')} data-testid="apply-preview" style={{ marginBottom: 16 }}>
      <Spin spinning={loading}>
        <ErrorAlert error={error} />
        {decision ? (
          <>
            <Alert
              type={decision.eligible ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 8 }}
              title={decision.eligible ? t('apply.preview.eligible') : t('apply.preview.notYet')}
            />
            <DecisionView decision={decision} />
          </>
        ) : null}
      </Spin>
    </Card>
  );
}
