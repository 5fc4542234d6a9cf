import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's database port (`executeSql`) over the platform's own Kysely instance, so the queue
 * shares its connections: the pool on a PostgreSQL server, and on the embedded database the one
 * session the PGlite driver lends to one user at a time. Going through Kysely is what keeps the
 * queue's polling out of anyone else's transaction there (a query sent straight to PGlite would run
 * inside whatever transaction holds the session).
 *
 * pg-boss sends its schema and migrations as one script of several statements without parameters;
 * PGlite's extended protocol takes one statement at a time, so such a script is split (outside
 * quotes and dollar-quoted function bodies) and run statement by statement on one connection —
 * its own BEGIN … COMMIT keeps it atomic.
 */
export function queueDatabase(db: Kysely<never>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return { rows: (await db.executeQuery(CompiledQuery.raw(text, values))).rows };
      const statements = splitStatements(text);
      if (statements.length <= 1) return { rows: (await db.executeQuery(CompiledQuery.raw(text))).rows };
      return db.connection().execute(async (connection) => {
        let rows: unknown[] = [];
        try {
          for (const statement of statements) rows = (await connection.executeQuery(CompiledQuery.raw(statement))).rows;
        } catch (error) {
          // A script that failed half-way must not leave its transaction open on the shared session.
          await connection.executeQuery(CompiledQuery.raw('rollback'));
          throw error;
        }
        return { rows };
      });
    },
  };
}

/** A script's statements: split at semicolons outside quotes, comments and `$tag$ … $tag$` bodies. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      i = end === -1 ? script.length : end + 1;
    } else if (c === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (!tag) i++;
      else {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
      }
    } else if (c === ';') {
      const statement = script.slice(start, i).trim();
      if (statement) statements.push(statement);
      start = ++i;
    } else i++;
  }
  const last = script.slice(start).trim();
  if (last) statements.push(last);
  return statements;
}
