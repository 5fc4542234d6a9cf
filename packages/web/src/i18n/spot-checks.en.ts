/** English texts under `spotChecks.`, typed against the Chinese in ./spot-checks.ts. */
import type { spotChecksZh } from './spot-checks.js';
import type { Translation } from './zh-CN.js';

export const spotChecksEn: Translation<typeof spotChecksZh> = {
  title: 'Random spot checks',
  intro:
    "A random sample of the region's approved applications, weighted towards large amounts, many people and long durations, each given to a randomly chosen inspector who did not handle it (财社〔2023〕181号, art. 23). The system makes the random seed and keeps it, so anyone can verify the draw; each region's first draw of the day is the one that stands.",
  sampleSize: 'Sample size',
  sampleSizeMissing: 'Enter the sample size (1 to 1,000)',
  sampleSizeRange: 'From 1 to 1,000 applications a draw; more than 1,000 is drawn as 1,000.',
  draw: "Draw today's sample",
  drawAgain: 'Draw again',
  none: 'Your region has not drawn its spot check today.',
  standing:
    "Your region has drawn today's spot check; the first draw stands. Drawing again needs a reason: the first sample and its inspections stay on record, and the audit log shows both draws and the reason.",
  reason: 'Reason for drawing again',
  reasonHelp: 'At least 4 characters, not one repeated, at most 500; it goes into the audit log.',
  reasonPlaceholder: 'For example: an inspector drawn must stand aside; a collective decision agreed to draw again',
  firstDraw: 'First draw (stands)',
  redraw: 'Draw {{n}} (drawn again)',
  period: 'Day',
  drawnAt: 'Drawn at',
  region: 'Region',
  candidates: 'Candidate applications',
  seed: 'Random seed',
  redrawReason: 'Reason for drawing again',
  items: {
    rank: 'No.',
    application: 'Application',
    inspector: 'Inspector',
    weight: 'Weight',
    outcome: 'Outcome',
  },
  outcomes: {
    pending: 'To be checked',
    'no-problem': 'No problem',
    'problem-found': 'Problem found',
  },
  history: {
    title: 'Past draws',
    intro:
      'Every draw of your region and the regions below it, newest first; a redraw stays on record beside the first draw it replaced.',
    none: 'Your region has no draws yet.',
    kind: 'Draw',
    first: 'First draw',
    redraw: 'Redraw',
    sample: 'Drawn',
    recorded: 'Inspected',
    problems: 'Problems found',
    open: 'Open',
    drawTitle: 'Draw of {{region}} for {{period}}',
  },
  mine: {
    title: 'My inspections',
    intro:
      'Applications drawn for you to inspect, from every day’s draw. Read the application and its materials, check on site where needed, then record the outcome; it cannot be changed afterwards and goes into the audit log.',
    none: 'No inspections are assigned to you.',
    more: '{{total}} items are waiting for you; the oldest {{listed}} are listed here, and the rest follow as you record outcomes.',
    subsidy: 'Subsidy',
    recordedAt: 'Recorded at',
    note: 'What was checked',
    record: 'Record the outcome',
    recordTitle: 'Record the outcome: {{number}}',
    outcome: 'Outcome',
    outcomeMissing: 'Choose the outcome',
    noteMissing: 'Say what was checked',
    noteShort: 'What was checked needs at least 2 characters',
    noteHelp: 'Say what you checked and how; where you found a problem, say what it is.',
    recorded: 'Outcome recorded: {{number}}',
  },
};
