import { toXlsx } from '../../registry/import/tabular.js';
import type { DemandItemView } from '../catalogue/demand-item.js';
import { header } from '../workbook-header.js';
import type { InstitutionView } from './institution-service.js';

export const NATURE_NAMES = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  school: { zh: '院校', en: 'School' },
} as const;

/** The institution catalogue as exported, each institution with the catalogue items it may run. */
export function institutionsWorkbook(
  institutions: readonly InstitutionView[],
  items: readonly DemandItemView[],
): Promise<Buffer> {
  const occupation = new Map(
    items.map((i) => [i.id, i.level === undefined ? i.occupation : `${i.occupation}（${i.level}级）`]),
  );
  const columns = [
    { zh: '机构名称', en: 'Name' },
    { zh: '行政区划代码', en: 'Region code' },
    { zh: '地址', en: 'Address' },
    { zh: '性质', en: 'Nature' },
    { zh: '培训能力（人）', en: 'Capacity' },
    { zh: '可开展项目', en: 'Items' },
    { zh: '状态', en: 'Status' },
    { zh: '移出日期', en: 'Moved out on' },
    { zh: '移出原因', en: 'Reason' },
  ];
  return toXlsx(
    '培训机构目录',
    header(columns),
    institutions.map((i) => [
      i.name,
      i.regionCode,
      i.address,
      NATURE_NAMES[i.nature as keyof typeof NATURE_NAMES]?.zh ?? i.nature,
      String(i.capacity),
      i.demandItemIds
        .map((d) => occupation.get(d) ?? '')
        .filter(Boolean)
        .join('、'),
      i.status === 'listed' ? '在目录' : '已移出',
      i.removedOn ?? '',
      i.removedReason ?? '',
    ]),
  );
}
