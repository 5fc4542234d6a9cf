import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/schema.js';
import { formatFen } from '../../components/format.js';

/**
 * The amount the engine decided, or why it decided none (不符合条件, 政策未生效): a refused
 * application is not shown as ¥0.00, which reads as a subsidy of nothing.
 */
export function DecidedAmount({ application }: { application: Pick<Application, 'decidedFen' | 'decidedStatus'> }) {
  const { t, i18n } = useTranslation();
  if (application.decidedStatus)
    return <Typography.Text type="secondary">{t(`decision.status.${application.decidedStatus}`)}</Typography.Text>;
  return application.decidedFen !== undefined ? <>{formatFen(application.decidedFen, i18n.language)}</> : <>—</>;
}
