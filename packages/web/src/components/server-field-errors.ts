import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

type NamePath = (string | number)[];

/** A field's path as the server names it (`claim.hires[0].idNumber`) as a form's name path. */
export function namePathOf(field: string): NamePath {
  const path: NamePath = [];
  for (const segment of field.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match?.[1]) return [];
    path.push(match[1], ...[...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  }
  return path;
}

/**
 * Shows a refusal under the fields it names, as the form's own checks would, and scrolls to the
 * first. `nameOf` maps the server's field path to the form's (null: not a field of this form).
 * True when every problem found its field, so the page need not repeat them in an alert.
 */
export function showOnFields(
  form: FormInstance,
  error: ApiError,
  nameOf: (path: NamePath) => NamePath | null = (p) => p,
): boolean {
  const problems = (error.errors ?? []).flatMap((e) =>
    typeof e.field === 'string' && typeof e.message === 'string' ? [{ field: e.field, message: e.message }] : [],
  );
  // Under the field, the field need not be named again.
  if (problems.length === 0 && error.field)
    problems.push({ field: error.field, message: error.reason ?? error.message });
  const placed = problems.flatMap((p) => {
    const name = nameOf(namePathOf(p.field));
    return name && name.length > 0 && form.getFieldInstance(name) ? [{ name, errors: [p.message] }] : [];
  });
  if (placed.length > 0) {
    form.setFields(placed);
    form.scrollToField(placed[0]?.name ?? []);
  }
  return problems.length > 0 && placed.length === problems.length;
}

/**
 * `work` sent from a form: a refusal that names one of the form's fields is shown under it and
 * answered as undefined; any other is thrown on, for the page's own alert.
 */
export async function orOnFields<T>(form: FormInstance, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ApiError && showOnFields(form, e)) return undefined;
    throw e;
  }
}
