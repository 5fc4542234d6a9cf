import { api, query } from '../../api/client.js';
import type { Application } from '../../api/schema.js';

/** The worklist's filters as the server takes them (GET /api/v1/applications/worklist). */
export interface WorklistFilter {
  view?: 'all' | 'queue' | 'processed';
  search?: string;
  subsidy?: string;
  state?: string;
  region?: string;
  submittedFrom?: string;
  submittedTo?: string;
  overdue?: boolean;
  /** In publicity (公示) with its period over: ready to release for payment. */
  publicityEnded?: boolean;
  sort?: 'dueOn' | 'submittedOn' | 'number' | 'updatedAt';
  order?: 'asc' | 'desc';
}

export interface WorklistPage {
  total: number;
  totalIsLowerBound: boolean;
  applications: Application[];
}

export function fetchWorklist(filter: WorklistFilter, offset: number, limit: number): Promise<WorklistPage> {
  return api<WorklistPage>('GET', `/api/v1/applications/worklist${query({ ...filter, offset, limit })}`);
}

export function worklistExportPath(filter: WorklistFilter): string {
  return `/api/v1/applications/worklist.xlsx${query({ ...filter })}`;
}

/**
 * The list a clerk last opened an application from: its filters, the page's place and its rows'
 * ids, kept for the tab (sessionStorage), so the application page can step to the next or previous
 * one in the same order — across pages too — without the list being open.
 */
export interface WorklistPosition {
  filter: WorklistFilter;
  offset: number;
  limit: number;
  total: number;
  ids: string[];
}

const KEY = 'huimin.worklist';

export function savePosition(position: WorklistPosition): void {
  sessionStorage.setItem(KEY, JSON.stringify(position));
}

export function loadPosition(): WorklistPosition | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as WorklistPosition;
  } catch {
    return undefined;
  }
}

/** The application one step from `id` in the saved list, fetching the page beside it when needed. */
export async function neighbour(id: string, step: -1 | 1): Promise<{ id: string; index: number } | undefined> {
  const at = loadPosition();
  if (!at) return undefined;
  const i = at.ids.indexOf(id);
  if (i < 0) return undefined;
  const index = at.offset + i + step;
  if (index < 0 || index >= at.total) return undefined;
  const within = at.ids[i + step];
  if (within) return { id: within, index };
  const offset = step > 0 ? at.offset + at.limit : Math.max(0, at.offset - at.limit);
  const page = await fetchWorklist(at.filter, offset, at.limit);
  const ids = page.applications.map((a) => a.id);
  savePosition({ ...at, offset, total: page.total, ids });
  const found = ids[index - offset];
  return found ? { id: found, index } : undefined;
}
