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

export function StateTag({ application }: { application: Pick<Application, 'state' | 'stateName'> }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={COLOURS[application.state] ?? 'default'} data-state={application.state}>
      {pickLabel(application.stateName, i18n.language)}
    </Tag>
  );
}
