import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.js';
import type { PolicyListing } from '../api/schema.js';
import { pick, todayInShanghai } from './format.js';
import { useLoad } from './use-load.js';

/** A subsidy id's name; `loaded` once the names have arrived (before then every name is empty). */
export type SubsidyNames = ((id: string) => string) & { loaded: boolean };

/**
 * Subsidy ids as their names, from the policy list of a region (what lists keyed by id show).
 * While the list is on its way a name is empty rather than the id: a person never reads the code.
 */
export function useSubsidyNames(region: string): SubsidyNames {
  const { i18n } = useTranslation();
  // No region yet (the record naming it is still loading): nothing to ask for.
  const { data } = useLoad(
    () =>
      region
        ? api<{ policies: PolicyListing[] }>('GET', `/api/v1/policies${query({ region, date: todayInShanghai() })}`)
        : Promise.resolve(undefined),
    [region],
  );
  const name = (id: string) => {
    if (!data) return '';
    const p = data.policies.find((x) => x.id === id);
    return p ? pick(p.name, i18n.language) : id;
  };
  return Object.assign(name, { loaded: data !== undefined });
}
