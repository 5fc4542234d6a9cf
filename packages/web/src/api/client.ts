import i18n from '../i18n/index.js';

/**
 * The one way the UI talks to the server: JSON in and out, the session's CSRF token on every
 * change, the UI's language on every request (so the server's messages come back in it), and
 * every failure as an `ApiError` carrying the server's code, message and field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Several problems at once: each row of an import, each field of a form. */
    readonly errors?: readonly Record<string, unknown>[],
    /** The message without the field's name, to show under that field. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  if (contentType) headers['content-type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (res.ok) return res;
  let parsed: {
    code?: string;
    message?: string;
    field?: string;
    reason?: string;
    errors?: Record<string, unknown>[];
  } = {};
  try {
    parsed = (await res.json()) as typeof parsed;
  } catch {
    // Not the server's JSON (a proxy's page, a cut connection): say so in the user's language.
  }
  const code = parsed.code ?? `HTTP_${res.status}`;
  const message = parsed.message ?? i18n.t('errors.http', { status: res.status });
  if (res.status === 401 && code !== 'INVALID_CREDENTIALS')
    window.dispatchEvent(new CustomEvent('huimin:session-ended'));
  throw new ApiError(res.status, code, message, parsed.field, parsed.errors, parsed.reason);
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? undefined : 'application/json',
  );
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Sends a file as the raw request body; the server reads what it is from its bytes. */
export async function upload<T>(path: string, file: Blob, contentType = 'application/octet-stream'): Promise<T> {
  const res = await send('POST', path, file, contentType);
  return (await res.json()) as T;
}

/** Fetches a file and hands it to the browser to save, with the server's name for it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
