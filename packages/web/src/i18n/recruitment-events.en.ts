/** English texts under `events.`, loaded only when a page is read in English; typed against the Chinese in ./recruitment-events.ts. */
import type { eventsZh } from './recruitment-events.js';

export const eventsEn: typeof eventsZh = {
  tab: 'Recruitment events and live streams',
  none: 'No recruitment event in your regions yet',
  title: 'Event',
  kind: 'Form',
  kinds: { fair: 'Job fair', 'live-stream': 'Live-stream recruitment' },
  base: 'Base or venue',
  brand: 'Brand',
  anchor: 'Anchor',
  startsAt: 'Starts',
  postings: 'Postings presented',
  cvsReceived: 'CVs through the platform',
  results: 'Results',
  resultsText: '{{views}} views · {{cvs}} CVs · {{interviews}} interviews · {{hires}} hires',
  noResults: 'Not yet entered',
  cvs: 'CVs sent during the event',
  seeker: 'Job seeker',
  posting: 'Posting',
  submittedAt: 'Sent at',
  enterResults: 'Enter the results',
  figures: { views: 'Views', cvs: 'CVs received', interviews: 'Interviews', hires: 'Hires' },
  save: 'Save',
};
