import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/schema.js';
import { pickLabel } from '../../components/format.js';

const COLOURS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  'not-accepted': 'red',
  accepted: 'cyan',
  reviewed: 'geekblue',
  approved: 'purple',
  rejected: 'red',
  publicised: 'gold',
  payable: 'lime',
  paid: 'green',
  withdrawn: 'default',
  revoked: 'magenta',
};

/**
 * A state as the pages name it (`states.*`: the worklist's filter, the workbench, this tag and the
 * message after an action say it alike); the server's name for a state the pages do not know.
 */
export function useStateLabel(): (application: { state: string; stateName: Application['stateName'] }) => string {
  const { t, i18n } = useTranslation();
  return (a) => t(`states.${a.state}`, { defaultValue: pickLabel(a.stateName, i18n.language) });
}

export function StateTag({ application }: { application: Pick<Application, 'state' | 'stateName'> }) {
  const label = useStateLabel();
  return (
    <Tag color={COLOURS[application.state] ?? 'default'} data-state={application.state}>
      {label(application)}
    </Tag>
  );
}
