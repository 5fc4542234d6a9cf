import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `huimin` command as built (`npm test` builds before the suites run). */
export const HUIMIN_BIN = fileURLToPath(new URL('../../bin/huimin.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI as its own process without blocking the test's event loop (spawnSync would stall
 * every timer and socket of the test while the child starts its database on a busy machine).
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUIMIN_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
