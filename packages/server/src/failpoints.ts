/**
 * Named points where a test can freeze the process mid-operation (then kill it) to prove that a
 * crash leaves the data consistent. Inactive unless HUIMIN_FAILPOINTS names them; reaching an
 * active one prints its name and waits forever.
 */
const active = new Set((process.env.HUIMIN_FAILPOINTS ?? '').split(',').filter(Boolean));

export async function failpoint(name: string): Promise<void> {
  if (!active.has(name)) return;
  process.stdout.write(`failpoint reached: ${name}\n`);
  await new Promise<never>(() => undefined);
}
