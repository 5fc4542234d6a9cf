import { api, query } from '../../api/client.js';
import type { AuditEntry, paths } from '../../api/schema.js';
import type { AuditNames } from './audit-changes.js';

/** One page of the trail as the route answers it. */
type Page = paths['/api/v1/audit']['get']['responses'][200]['content']['application/json'];

export interface Filter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}
/** An entry with the names its page of the trail gave, so a row reads the same wherever it is shown. */
export type Row = AuditEntry & { named: AuditNames };

/** The search form's values as the route takes them. */
export function filterOf(params: Record<string, unknown>): Filter {
  const text = (k: string) => {
    const v = params[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const dates = Array.isArray(params.dates) ? (params.dates as string[]) : [];
  return {
    actor: text('actor'),
    action: text('action'),
    entityType: text('entityType'),
    entityId: text('entityId'),
    from: dates[0],
    to: dates[1],
  };
}

/** A page of the entries the filter finds, older than `before`, and whether only a whole name was searched. */
export async function fetchPage(
  filter: Filter,
  before: string | undefined,
  limit: number,
): Promise<{ rows: Row[]; wholeNameOnly: boolean }> {
  const page = await api<Page>('GET', `/api/v1/audit${query({ ...filter, before, limit })}`);
  const named = { names: page.names, units: page.units };
  return { rows: page.entries.map((e) => ({ ...e, named })), wholeNameOnly: page.wholeNameOnly === true };
}
