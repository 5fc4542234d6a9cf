import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Settings from the environment, with the defaults the README documents. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** A streaming replica for the public reads (`DATABASE_REPLICA_URL`); needs DATABASE_URL. */
  readonly databaseReplicaUrl?: string;
  /** The embedded database's buffer pool in MB (`HUIMIN_EMBEDDED_BUFFER_MB`; unset: the database's default, 512). */
  readonly embeddedBufferMegabytes?: number;
  readonly logLevel: string;
  readonly webRoot: string;
  readonly seedDemo: boolean;
  readonly secureCookies: boolean;
  readonly sessionIdleMinutes: number;
  readonly settleChunk: number;
  readonly sweepBatch: number;
  /** The sweep decides batches of people in a worker thread (`HUIMIN_SWEEP_THREAD`: 1 or 0; on where there are two cores or more). */
  readonly sweepThread: boolean;
  /** How often pending text messages are sent (`HUIMIN_NOTIFICATION_DISPATCH_SECONDS`). */
  readonly notificationDispatchSeconds: number;
  /**
   * How many text messages may await the gateway at once (`HUIMIN_SMS_IN_FLIGHT`, default 8): a
   * gateway that admits fewer concurrent calls per account is kept under its limit.
   */
  readonly smsInFlight: number;
  /** Seconds browsers and proxies may reuse a public list without asking (`HUIMIN_PUBLIC_CACHE_SECONDS`; 0: ask each time). */
  readonly publicCacheSeconds: number;
  /** The proxies whose X-Forwarded-For is believed: none, a hop count, or addresses and CIDR ranges. */
  readonly trustProxy: false | number | readonly string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.HUIMIN_DATA_DIR ?? './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_REPLICA_URL ? { databaseReplicaUrl: replicaOf(env) } : {}),
    ...(env.HUIMIN_EMBEDDED_BUFFER_MB
      ? { embeddedBufferMegabytes: positive(env.HUIMIN_EMBEDDED_BUFFER_MB, 0, 'HUIMIN_EMBEDDED_BUFFER_MB') }
      : {}),
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: env.HUIMIN_WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    seedDemo: env.HUIMIN_DEMO !== 'off',
    secureCookies: env.HUIMIN_SECURE_COOKIES === '1',
    sessionIdleMinutes: positive(env.HUIMIN_SESSION_IDLE_MINUTES, 10, 'HUIMIN_SESSION_IDLE_MINUTES'),
    settleChunk: positive(env.HUIMIN_SETTLE_CHUNK, 2000, 'HUIMIN_SETTLE_CHUNK'),
    sweepBatch: positive(env.HUIMIN_SWEEP_BATCH, 20_000, 'HUIMIN_SWEEP_BATCH'),
    sweepThread: env.HUIMIN_SWEEP_THREAD ? env.HUIMIN_SWEEP_THREAD === '1' : availableParallelism() > 1,
    notificationDispatchSeconds: positive(
      env.HUIMIN_NOTIFICATION_DISPATCH_SECONDS,
      5,
      'HUIMIN_NOTIFICATION_DISPATCH_SECONDS',
    ),
    smsInFlight: positive(env.HUIMIN_SMS_IN_FLIGHT, 8, 'HUIMIN_SMS_IN_FLIGHT'),
    publicCacheSeconds:
      env.HUIMIN_PUBLIC_CACHE_SECONDS === '0'
        ? 0
        : positive(env.HUIMIN_PUBLIC_CACHE_SECONDS, 0, 'HUIMIN_PUBLIC_CACHE_SECONDS'),
    trustProxy: trustProxy(env.HUIMIN_TRUST_PROXY),
  };
}

function replicaOf(env: NodeJS.ProcessEnv): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: a replica of which primary?');
  return env.DATABASE_REPLICA_URL ?? '';
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${value}`);
  return n;
}

/** proxy-addr's names for the private ranges, which Fastify accepts beside addresses. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `1` trusts the one proxy in front; `10.0.0.1, 10.1.0.0/16` trusts those addresses. There is no
 * "trust everyone": it would let any caller choose the address the audit trail records.
 */
export function trustProxy(value: string | undefined): false | number | readonly string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'off') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGES.has(entry) && (family === 0 || !prefixOk || rest.length > 0)) {
      throw new Error(
        `HUIMIN_TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDR ranges, got ${value}`,
      );
    }
  }
  return entries;
}
