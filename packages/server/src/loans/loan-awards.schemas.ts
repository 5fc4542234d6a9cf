import { Type, type Static } from 'typebox';

/** 创业担保贷款奖补: the yearly report per region and the filing of its awards. */

const options = { additionalProperties: false } as const;
const Region = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'GB/T 2260 code; the caller’s own region when left out',
});
const Year = Type.Integer({ minimum: 2000, maximum: 2999 });
const Text = Type.Object({ zh: Type.String(), en: Type.String() });

export const AwardQuery = Type.Object({ year: Year, region: Type.Optional(Region) }, options);
export const AwardBody = Type.Object({ year: Year, region: Type.Optional(Region) }, options);

const Role = Type.Union([Type.Literal('bank'), Type.Literal('guarantor')]);

/** The share a region set for a role, read on the year's 31 December (none: nothing is awarded). */
const AwardRule = Type.Object({
  role: Role,
  set: Type.Boolean(),
  /** ‰ of the year's newly disbursed loans (5 = 0.5%), or null while the region has set none. */
  sharePermille: Type.Union([Type.Integer(), Type.Null()]),
  /** The region's document (the value's note or citation), or what says there is none. */
  basis: Type.Union([Type.String(), Type.Null()]),
  /** What the rule is, in both languages, for a person to read. */
  summary: Text,
});

const AwardRow = Type.Object({
  institutionId: Type.String(),
  organisationId: Type.String(),
  name: Type.String(),
  role: Role,
  regionCode: Type.String(),
  newLoans: Type.Integer(),
  newLoanFen: Type.Integer(),
  sharePermille: Type.Union([Type.Integer(), Type.Null()]),
  /** Rounded down to the fen; 0 while the region has set no share. */
  awardFen: Type.Integer(),
  basis: Type.Union([Type.String(), Type.Null()]),
  explanation: Text,
  /** The award claim once filed: its number and its state in the workflow (paid when the institution has it). */
  claim: Type.Union([
    Type.Object({
      applicationId: Type.Union([Type.String(), Type.Null()]),
      number: Type.Union([Type.String(), Type.Null()]),
      state: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

export const AwardReport = Type.Object({
  region: Type.String(),
  year: Type.Integer(),
  rules: Type.Array(AwardRule),
  /** False when no share is set for either role: the report shows zero and nothing can be filed. */
  ruleSet: Type.Boolean(),
  rows: Type.Array(AwardRow),
  totals: Type.Object({ newLoans: Type.Integer(), newLoanFen: Type.Integer(), awardFen: Type.Integer() }),
});

export const AwardFiled = Type.Object({ filed: Type.Integer(), awardFen: Type.Integer() });

export type AwardReportView = Static<typeof AwardReport>;
export type AwardRowView = Static<typeof AwardRow>;
export type AwardRuleView = Static<typeof AwardRule>;
export type AwardInput = Static<typeof AwardBody>;
