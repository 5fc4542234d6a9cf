import type { PostingInput } from './labour-market.schemas.js';
import { occupation } from './occupations.js';
import type { PayUnit } from './posting-checks.js';
import type { PostingKey, PostingRow } from './posting-repository.js';
import { searchTerms } from './search-terms.js';

/** A posting's fields as its row's columns, and back: what is stored, searched and compared. */

/** A posting's columns, with its search text and terms (decision 019). */
export function columns(input: PostingInput, organisationName: string) {
  const occ = occupation(input.occupationCode);
  const searchText = [input.title, occ?.zh ?? '', organisationName, input.place, input.requirements, input.description]
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
  return {
    title: input.title.trim(),
    occupation_code: input.occupationCode,
    headcount: input.headcount,
    pay_min_fen: input.payMinFen,
    pay_max_fen: input.payMaxFen,
    region_code: input.regionCode,
    place: input.place.trim(),
    requirements: input.requirements.trim(),
    description: input.description.trim(),
    min_level: input.minLevel ?? null,
    contact: input.contact.trim(),
    valid_from: input.validFrom,
    valid_to: input.validTo,
    search_text: searchText,
    search_terms: searchTerms(searchText),
  };
}

/** The fields that make two postings of a unit the same job (see `PostingKey`). */
export function postingKey(organisationId: string, input: PostingInput, payUnit: PayUnit): PostingKey {
  return {
    organisationId,
    title: input.title.trim(),
    occupationCode: input.occupationCode,
    regionCode: input.regionCode,
    payMinFen: input.payMinFen,
    payMaxFen: input.payMaxFen,
    payUnit,
  };
}

/** A posting's row as the fields it was posted with: a review checks them again against today's standards. */
export function fieldsOf(r: PostingRow): PostingInput {
  return {
    title: r.title,
    occupationCode: r.occupation_code,
    headcount: r.headcount,
    payMinFen: r.pay_min_fen,
    payMaxFen: r.pay_max_fen,
    regionCode: r.region_code,
    place: r.place,
    requirements: r.requirements,
    description: r.description,
    ...(r.min_level ? { minLevel: r.min_level } : {}),
    contact: r.contact,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}
