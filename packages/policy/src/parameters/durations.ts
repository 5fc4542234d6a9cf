import { DOCUMENTS, type Citation } from '../core/documents.js';
import type { Duration } from '../core/durations.js';
import { labelIndex, labelledValues, ParameterTable, type ParameterList } from '../core/parameters.js';
import { HIRING_DURATIONS } from './durations/hiring.js';
import { INTERNSHIP_DURATIONS } from './durations/internship.js';
import { LABOUR_EXPORT_DURATIONS } from './durations/labour-export.js';
import { POSTS_DURATIONS } from './durations/posts.js';
import { SOCIAL_INSURANCE_DURATIONS } from './durations/social-insurance.js';
import { STARTUP_DURATIONS } from './durations/startup.js';
import { TRAINING_DURATIONS } from './durations/training.js';

/**
 * Durations the texts state: how long a business must have run, a contract must last, a subsidy
 * may be paid, how recently a graduate left school. Kept apart from TEXT_PARAMETERS because a scheme
 * binds them when it is defined (its rule text states the figure), so a region cannot set them.
 * One file per subject in `durations/`; this module binds them.
 */
export const TEXT_DURATION_LISTS: readonly ParameterList[] = [
  STARTUP_DURATIONS,
  HIRING_DURATIONS,
  SOCIAL_INSURANCE_DURATIONS,
  POSTS_DURATIONS,
  TRAINING_DURATIONS,
  INTERNSHIP_DURATIONS,
  LABOUR_EXPORT_DURATIONS,
];

/** Every duration the texts state, as one list. */
export const TEXT_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: labelIndex(TEXT_DURATION_LISTS),
  values: TEXT_DURATION_LISTS.flatMap(labelledValues),
};

const table = new ParameterTable(TEXT_DURATIONS.values);

/**
 * The value of a duration in force where and when `article`'s document takes effect — the region
 * and first day of every scheme built on it — resolved as amounts are: the most local region, then
 * the latest start. So a provincial article that leaves a figure "按规定" binds the national one,
 * which keeps its own citation.
 */
export function duration(parameter: string, article: Citation): Duration {
  const found = statedDuration(parameter, article);
  if (!found) {
    const { number, region, inForceFrom } = DOCUMENTS[article.document];
    throw new RangeError(`no duration ${parameter} in force in ${region} on ${inForceFrom} (${number})`);
  }
  return found;
}

/** As `duration`, for a figure only some texts state (a cap): undefined where none is in force. */
export function statedDuration(parameter: string, article: Citation): Duration | undefined {
  const { region, inForceFrom } = DOCUMENTS[article.document];
  const value = table.resolve(parameter, region, inForceFrom);
  if (value && (value.citation === undefined || value.cites === undefined))
    throw new RangeError(`duration ${parameter} in ${value.region} has no citation`);
  return value as Duration | undefined;
}
