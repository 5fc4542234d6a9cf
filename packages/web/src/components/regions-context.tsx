import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Region } from '../api/schema.js';
import { useLoad } from './use-load.js';

/*
 * The regions served, apart from the picker (regions.tsx) so the public site's first screen can
 * read them without downloading antd's Select (issue 17: the first load under 200 kB).
 */
const RegionsContext = createContext<Region[]>([]);

/** The regions served, loaded once for every picker and every code shown on a page. */
export function RegionsProvider({ children }: { children: ReactNode }) {
  const { data } = useLoad(() => api<{ regions: Region[] }>('GET', '/api/v1/regions'), []);
  return <RegionsContext.Provider value={data?.regions ?? []}>{children}</RegionsContext.Provider>;
}

export function useRegions(): Region[] {
  return useContext(RegionsContext);
}

export function useRegionName(): (code: string) => string {
  const regions = useContext(RegionsContext);
  const { t, i18n } = useTranslation();
  return (code) => {
    // National parameters and targets are keyed 000000, which is no region the platform serves.
    if (code === '000000') return t('admin.national');
    const r = regions.find((x) => x.code === code);
    if (!r) return code;
    return i18n.language === 'en-US' ? r.nameEn : r.nameZh;
  };
}
