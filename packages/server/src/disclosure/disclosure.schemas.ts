import { Type } from 'typebox';
import { RegionCode } from '../policies/facts.schema.js';

export const DisclosureListQuery = Type.Object(
  {
    region: RegionCode,
    subsidy: Type.Optional(Type.String({ maxLength: 80 })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const DisclosureSummaryQuery = Type.Object(
  {
    region: RegionCode,
    year: Type.Integer({ minimum: 2000, maximum: 2200 }),
  },
  { additionalProperties: false },
);

const Counted = {
  /** Claims paid, and 分 paid on them. */
  payments: Type.Integer(),
  paidFen: Type.Integer(),
  /** Claims listed before payment (in publicity, or released and not yet paid), and their 分. */
  pending: Type.Integer(),
  pendingFen: Type.Integer(),
};

/** 补贴资金使用情况: a region's year of the public list, counted by subsidy. */
export const DisclosureSummary = Type.Object(
  {
    region: Type.String(),
    year: Type.Integer(),
    subsidies: Type.Array(
      Type.Object({
        subsidy: Type.String(),
        subsidyName: Type.Object({ zh: Type.String(), en: Type.String() }),
        /** People and units paid, each once however many claims. */
        recipients: Type.Integer(),
        ...Counted,
      }),
    ),
    total: Type.Object(Counted),
    /** 年度就业工作总体目标、工作任务完成: each target the region set for the year, and what was achieved. */
    targets: Type.Array(
      Type.Object({
        indicator: Type.String(),
        name: Type.Object({ zh: Type.String(), en: Type.String() }),
        target: Type.Optional(Type.Integer()),
        achieved: Type.Integer(),
        /** Achieved as a share of the target, in ‰ rounded down. */
        ratePermille: Type.Optional(Type.Integer()),
      }),
    ),
  },
  { $id: 'DisclosureSummary' },
);
