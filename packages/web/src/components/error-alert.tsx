import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';
import type { Text } from '../api/schema.js';
import { pick } from './format.js';

/** The server's message for a failure, with each row's problem for a file that was refused as a whole. */
export function ErrorAlert({ error }: { error: ApiError | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const rows = error.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error"
      title={error.message}
      description={
        rows.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {rows.slice(0, 50).map((r, i) => (
              <li key={i}>
                {r.row !== undefined ? t('errors.row', { row: String(r.row) }) : ''}
                {r.column !== undefined ? ` ${String(r.column)}` : ''}{' '}
                {typeof r.message === 'object' && r.message !== null
                  ? pick(r.message as Text, i18n.language)
                  : String(r.message ?? '')}
              </li>
            ))}
            {rows.length > 50 ? <li>{t('errors.more', { count: rows.length - 50 })}</li> : null}
          </ul>
        ) : undefined
      }
    />
  );
}
