/**
 * Rows read inside a JSON aggregate (`jsonArrayFrom`, one statement for a record and its parts):
 * PostgreSQL writes a timestamp there as ISO 8601 text, where the driver would have made a Date.
 */
export function isoInstant(at: Date | string): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString();
}
