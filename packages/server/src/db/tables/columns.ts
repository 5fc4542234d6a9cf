import type { ColumnType } from 'kysely';

/** Set by the database when a row is made; never written afterwards. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text or a value, read back as a value. */
export type Json<T = unknown> = ColumnType<T, string, string>;
