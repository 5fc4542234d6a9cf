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
                  columnOf(r, i18n.language),
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

/** The column a row's problem is in, by its name in the page's language where the server gives it. */
export function columnOf(r: Record<string, unknown>, language: string): string {
  const name = r.columnName as Text | undefined;
  if (name && typeof name === 'object') return pick(name, language);
  return r.column === undefined ? '' : String(r.column);
}

/**
 * A row's problem after its row number: the column (its header, `本期利息（元） (interest)`) and what
 * is wrong. A message that begins with the column's name does not say it again
 * (`本期利息（元） (interest) 本期利息（元）：金额应为…` read the name twice).
 */
export function rowProblem(column: string, message: string, colon: string): string {
  if (!column) return ` ${message}`;
  // A field's message says `字段 X：…` / `Field X: …`; under its column, the name is said already.
  const text = message.replace(/^(字段 |Field )/, '');
  // The column by its name (`Standard (yuan)`), or a template header without its key (`… (interest)`).
  const said = [column, column.replace(/ \([^)]*\)$/, '')]
    .filter((name) => text.startsWith(name) && /^[：:]/.test(text.slice(name.length)))
    .map((name) => text.slice(name.length + 1).trimStart())[0];
  return said === undefined ? ` ${column} ${message}` : ` ${column}${colon}${said}`;
}
