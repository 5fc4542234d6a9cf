import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PASSWORD } from './fixtures.js';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * The built server as its own process (`npm test` builds before the suites run), for tests that
 * kill it with SIGKILL at a failpoint and look at what the data looks like after.
 */
export interface ServerProcess {
  readonly port: number;
  /** Resolves when the output contains `text`. */
  reached(text: string): Promise<void>;
  /** Logs in over HTTP and returns a function that sends a request with the session. */
  login(
    username: string,
  ): Promise<(method: string, path: string, body?: unknown, contentType?: string) => Promise<Response>>;
  kill(): Promise<void>;
}

/** `ready`: what the process prints once started — a worker (HUIMIN_ROLE=worker) listens on no port. */
export async function startServerProcess(
  env: Record<string, string>,
  options: { ready?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let exited: string | undefined;
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('exit', (code, signal) => {
    exited = `the server exited (${signal ?? `code ${String(code)}`})`;
    for (const l of listeners) l();
  });
  // No deadline of its own: a cold start on a loaded machine takes what it takes, and the test's
  // budget bounds it. A server that dies fails at once, with what it printed.
  const reached = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text)) {
          listeners.delete(check);
          resolve();
        } else if (exited) {
          listeners.delete(check);
          reject(new Error(`${exited} before “${text}”; output: ${output}`));
        }
      };
      listeners.add(check);
      check();
    });
  await reached(options.ready ?? 'Huimin on http');
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    reached,
    async login(username) {
      const res = await fetch(`${base}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return (method, path, body, contentType = 'application/json') =>
        fetch(`${base}${path}`, {
          method,
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            ...(body !== undefined ? { 'content-type': contentType } : {}),
          },
          ...(body !== undefined ? { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
        });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A port the system says is free now (a random one could collide with another suite's server). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
