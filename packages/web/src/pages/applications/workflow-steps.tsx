import { Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/schema.js';
import { formatInstant } from '../../components/format.js';
import './workflow-steps.css';

/** The workflow's steps in order, and the actions that complete each (the server's workflow). */
const STEPS = [
  { key: 'application', actions: ['submit', 'resubmit', 'prepare'] },
  { key: 'acceptance', actions: ['accept'] },
  { key: 'review', actions: ['review'] },
  { key: 'approval', actions: ['approve'] },
  { key: 'publicity', actions: ['publicise'] },
  { key: 'payment', actions: ['pay'] },
] as const;
/** Where each state stands: the index of the step being worked on now. */
const CURRENT: Record<string, number> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  'not-accepted': 1,
  accepted: 2,
  reviewed: 3,
  rejected: 3,
  approved: 4,
  publicised: 4,
  payable: 5,
  paid: 6,
};
const STOPPED = new Set(['not-accepted', 'rejected', 'withdrawn', 'revoked']);

/**
 * 办理进度: the workflow as a step bar, with who took each step and when (the latest time it was
 * taken), where the application stands now, and the working days left to its deadline.
 */
export function WorkflowSteps({ application }: { application: Application }) {
  const { t } = useTranslation();
  const events = application.events ?? [];
  const current = CURRENT[application.state] ?? 0;
  const skipsPublicity = !events.some((e) => e.action === 'publicise') && current > 4;
  const steps = STEPS.filter((s) => !(s.key === 'publicity' && skipsPublicity));
  const at = Math.min(
    steps.findIndex((s) => s.key === STEPS[Math.min(current, STEPS.length - 1)]?.key),
    steps.length - 1,
  );
  const index = current >= STEPS.length ? steps.length : at < 0 ? steps.length - 1 : at;
  const status = STOPPED.has(application.state) ? 'error' : application.state === 'paid' ? 'finish' : 'process';
  return (
    <div data-testid="workflow-steps" className="workflow-steps">
      <Steps
        size="small"
        current={index}
        status={status}
        items={steps.map((s) => {
          const done = [...events].reverse().find((e) => (s.actions as readonly string[]).includes(e.action));
          return {
            title: t(`backOffice.workflow.steps.${s.key}`),
            content: done ? t('backOffice.workflow.by', { who: done.actor, when: formatInstant(done.at) }) : undefined,
          };
        })}
      />
      {application.workingDaysLeft !== undefined && !STOPPED.has(application.state) && application.state !== 'paid' ? (
        <Tag
          color={application.workingDaysLeft < 0 ? 'red' : application.workingDaysLeft <= 1 ? 'orange' : 'blue'}
          style={{ marginTop: 8 }}
          data-testid="days-left"
        >
          {application.workingDaysLeft > 0
            ? t('backOffice.workflow.daysLeft', { count: application.workingDaysLeft })
            : application.workingDaysLeft === 0
              ? t('backOffice.workflow.dueToday')
              : t('backOffice.workflow.daysOverdue', { count: -application.workingDaysLeft })}
        </Tag>
      ) : null}
    </div>
  );
}
