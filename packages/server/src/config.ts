import { fileURLToPath } from 'node:url';

/** Settings from the environment, with the defaults the README documents. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly logLevel: string;
  readonly webRoot: string;
  readonly seedDemo: boolean;
  readonly secureCookies: boolean;
  readonly sessionIdleMinutes: number;
  readonly settleChunk: number;
  readonly sweepBatch: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.HUIMIN_DATA_DIR ?? './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: env.HUIMIN_WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    seedDemo: env.HUIMIN_DEMO !== 'off',
    secureCookies: env.HUIMIN_SECURE_COOKIES === '1',
    sessionIdleMinutes: positive(env.HUIMIN_SESSION_IDLE_MINUTES, 10, 'HUIMIN_SESSION_IDLE_MINUTES'),
    settleChunk: positive(env.HUIMIN_SETTLE_CHUNK, 2000, 'HUIMIN_SETTLE_CHUNK'),
    sweepBatch: positive(env.HUIMIN_SWEEP_BATCH, 20_000, 'HUIMIN_SWEEP_BATCH'),
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${value}`);
  return n;
}
