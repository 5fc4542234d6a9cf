/**
 * The session to record next among those due so far (1 to `lastDue`): the first after `after` with
 * nothing recorded, else the first with nothing recorded at all, else the last due (a late check-in
 * for it can still be added).
 */
export function nextSession(lastDue: number, recorded: readonly number[], after: number): number {
  const open = (n: number) => !recorded.includes(n);
  for (let n = after + 1; n <= lastDue; n++) if (open(n)) return n;
  for (let n = 1; n <= lastDue; n++) if (open(n)) return n;
  return lastDue;
}
