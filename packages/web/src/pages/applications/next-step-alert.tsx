import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/schema.js';
import { nextStepOf } from './next-step.js';

/** The applicant's note under the state tag: where the claim stands, why, and what comes next. */
export function NextStepAlert({ application }: { application: Application }) {
  const { t } = useTranslation();
  const step = nextStepOf(application);
  const lines = [
    step.reason ? t('nextStep.reason', { reason: step.reason }) : undefined,
    step.dueOn ? t('nextStep.dueOn', { date: step.dueOn }) : undefined,
    step.publicityEndsOn ? t('nextStep.publicityEndsOn', { date: step.publicityEndsOn }) : undefined,
  ].filter((l): l is string => l !== undefined);
  return (
    <Alert
      type={step.tone}
      showIcon
      data-testid="next-step"
      title={t(`nextStep.states.${step.state}`)}
      description={
        lines.length > 0 ? (
          <Space orientation="vertical" size={0}>
            {lines.map((l) => (
              <span key={l}>{l}</span>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}
