/**
 * A one-line progress bar for long jobs on a terminal: what is being done, how far, how fast and
 * about how long is left. Pure, so a test can pin the line it draws.
 */
export function progressLine(label: string, done: number, total: number, elapsedMs: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const perSecond = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const leftSeconds = perSecond > 0 && done < total ? Math.ceil((total - done) / perSecond) : undefined;
  const percent = String(Math.floor(fraction * 100)).padStart(3);
  const eta = leftSeconds === undefined ? '' : `  ~${formatDuration(leftSeconds)}`;
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${perSecond.toLocaleString('en-US')}/s${eta}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Draws in place on a terminal; elsewhere (CI logs, pipes) prints a line every tenth of the way. */
export class ProgressBar {
  private started = Date.now();
  private lastTenth = -1;
  private label = '';

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(label: string, done: number, total: number): void {
    if (label !== this.label) {
      if (this.label && this.out.isTTY) this.out.write('\n');
      this.label = label;
      this.started = Date.now();
      this.lastTenth = -1;
    }
    const line = progressLine(label, done, total, Date.now() - this.started);
    if (this.out.isTTY) {
      this.out.write(`\r${line}`);
      return;
    }
    const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${line}\n`);
    }
  }

  end(): void {
    if (this.label && this.out.isTTY) this.out.write('\n');
  }
}
