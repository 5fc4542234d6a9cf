import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';
import type { Text } from '../api/schema.js';
import { pick, punctuation } from './format.js';

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
                {rowProblem(
                  r.column === undefined ? '' : String(r.column),
                  typeof r.message === 'object' && r.message !== null
                    ? pick(r.message as Text, i18n.language)
                    : String(r.message ?? ''),
                  punctuation(i18n.language).colon,
                )}
              </li>
            ))}
            {rows.length > 50 ? <li>{t('errors.more', { count: rows.length - 50 })}</li> : null}
          </ul>
        ) : undefined
      }
    />
  );
}

/**
 * A row's problem after its row number: the column (its header, `本期利息（元） (interest)`) and what
 * is wrong. A message that begins with the column's name does not say it again
 * (`本期利息（元） (interest) 本期利息（元）：金额应为…` read the name twice).
 */
export function rowProblem(column: string, message: string, colon: string): string {
  if (!column) return ` ${message}`;
  const name = column.replace(/ \([^)]*\)$/, '');
  const said =
    /^[：:]/.test(message.slice(name.length)) && message.startsWith(name)
      ? message.slice(name.length + 1).trimStart()
      : undefined;
  return said === undefined ? ` ${column} ${message}` : ` ${column}${colon}${said}`;
}
