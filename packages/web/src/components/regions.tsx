import { Select } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Region } from '../api/schema.js';
import { useLoad } from './use-load.js';

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

export function RegionSelect({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (code: string) => void;
  id?: string;
}) {
  const regions = useContext(RegionsContext);
  const name = useRegionName();
  return (
    <Select
      id={id}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={regions.map((r) => ({ value: r.code, label: `${name(r.code)} ${r.code}` }))}
    />
  );
}
