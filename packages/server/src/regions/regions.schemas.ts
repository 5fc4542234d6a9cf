import { Type } from 'typebox';

/** A region (GB/T 2260) with its names in both languages. */
export const RegionView = Type.Object(
  {
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    level: Type.String(),
  },
  { $id: 'Region' },
);
