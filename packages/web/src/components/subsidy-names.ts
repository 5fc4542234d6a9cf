import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.js';
import type { PolicyListing } from '../api/types.js';
import { pick, todayInShanghai } from './format.js';
import { useLoad } from './use-load.js';

/** Subsidy ids as their names, from the policy list of a region (what lists keyed by id show). */
export function useSubsidyNames(region: string): (id: string) => string {
  const { i18n } = useTranslation();
  const { data } = useLoad(
    () => api<{ policies: PolicyListing[] }>('GET', `/api/v1/policies${query({ region, date: todayInShanghai() })}`),
    [region],
  );
  return (id) => {
    const p = data?.policies.find((x) => x.id === id);
    return p ? pick(p.name, i18n.language) : id;
  };
}
