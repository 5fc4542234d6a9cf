/**
 * What the server takes as a reason for drawing a spot check again: four characters that are not
 * spaces, at most 500 in all. The page keeps its button off until the reason would be taken, so a
 * supervisor is not refused after pressing it.
 */
export const REASON_MAX = 500;

export function reasonIsEnough(reason: string): boolean {
  return reason.replace(/\s/g, '').length >= 4 && reason.length <= REASON_MAX;
}
