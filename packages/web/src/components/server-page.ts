import { ApiError } from '../api/client.js';

/** What a ProTable's `request` answers: a page of rows and how many there are in all. */
export interface TablePage<T> {
  data: T[];
  total: number;
  success: boolean;
}

/**
 * A staff list's page read from the server. A refusal (a filter the server rejects, a session that
 * ended) leaves the table empty and is handed to the page to show beside it, naming the field;
 * anything else is a fault and is thrown.
 */
export async function serverPage<T>(
  read: () => Promise<{ data: T[]; total: number }>,
  onRefused?: (error: ApiError) => void,
): Promise<TablePage<T>> {
  try {
    return { ...(await read()), success: true };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    onRefused?.(e);
    return { data: [], total: 0, success: false };
  }
}
