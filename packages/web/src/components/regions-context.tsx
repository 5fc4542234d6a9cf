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

/** Regions as people pick them (see `regionChoices`), in the page's language. */
export function useRegionChoices(regions: readonly Region[]): { value: string; label: string }[] {
  return regionChoices(
    regions.map((r) => r.code),
    useRegionName(),
  );
}

/**
 * Regions by name, never by code. Where two share a name (a 高新区 in two cities) each is named
 * after the region above it.
 */
export function regionChoices(codes: readonly string[], name: (code: string) => string) {
  const named = codes.map((code) => ({ code, own: name(code) }));
  const shared = new Set(named.filter((r, i) => named.findIndex((x) => x.own === r.own) !== i).map((r) => r.own));
  return named.map(({ code, own }) => {
    const parent = parentOf(code);
    return { value: code, label: shared.has(own) && parent ? `${name(parent)} ${own}` : own };
  });
}

/** The region above a GB/T 2260 code: a county's city, a city's province; none above a province. */
function parentOf(code: string): string | undefined {
  if (code.endsWith('0000')) return undefined;
  return code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
}
