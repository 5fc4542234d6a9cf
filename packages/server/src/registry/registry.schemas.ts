import { Type, type Static, type TSchema } from 'typebox';
import {
  BusinessSchema,
  CertificateSchema,
  CreditCode,
  Dated,
  EmploymentSchema,
  GraduationSchema,
  IdNumber,
  InsuranceRunSchema,
  options,
  ReceivedSubsidySchema,
  RegionCode,
  RetirementCategorySchema,
  SizeClass,
  UnemploymentInsuranceYearSchema,
} from '../policies/facts.schema.js';

/** Request and response shapes of the registry (人员库、单位库) and the dated facts it keeps. */

/** What each kind of fact holds; a fact's `data` is checked against its kind's schema. */
export const PERSON_FACT_SCHEMAS = {
  status: Dated(Type.String()),
  graduation: GraduationSchema,
  employment: EmploymentSchema,
  insurance: InsuranceRunSchema,
  business: BusinessSchema,
  certificate: CertificateSchema,
  subsidy: ReceivedSubsidySchema,
} as const satisfies Record<string, TSchema>;

export const ORGANISATION_FACT_SCHEMAS = {
  designation: Dated(Type.String()),
  'unemployment-insurance-year': UnemploymentInsuranceYearSchema,
  subsidy: ReceivedSubsidySchema,
} as const satisfies Record<string, TSchema>;

export type PersonFactKind = keyof typeof PERSON_FACT_SCHEMAS;
export type OrganisationFactKind = keyof typeof ORGANISATION_FACT_SCHEMAS;

// The kind picks the schema `data` is checked against (in the service, which names the field).
export const PersonFactInput = Type.Object(
  {
    kind: Type.String({ description: Object.keys(PERSON_FACT_SCHEMAS).join(' | ') }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  options,
);
export const OrganisationFactInput = Type.Object(
  {
    kind: Type.String({ description: Object.keys(ORGANISATION_FACT_SCHEMAS).join(' | ') }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  options,
);
export type FactInput = { kind: string; data: Record<string, unknown> };

export const CreatePersonBody = Type.Object(
  {
    idNumber: IdNumber,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    regionCode: RegionCode,
    retirementCategory: Type.Optional(RetirementCategorySchema),
    hukouRegion: Type.Optional(RegionCode),
    householdId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: '户籍户号: people with the same one are one household' }),
    ),
    rural: Type.Optional(Type.Boolean()),
    phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$', description: 'Mobile number, 11 digits' })),
    address: Type.Optional(
      Type.String({ minLength: 2, maxLength: 200, description: 'Residential address (居住地址); kept encrypted' }),
    ),
    facts: Type.Optional(Type.Array(PersonFactInput, { maxItems: 500 })),
  },
  options,
);
export type CreatePerson = Static<typeof CreatePersonBody>;

export const CreateOrganisationBody = Type.Object(
  {
    creditCode: CreditCode,
    /** Set with a reason when a genuine early-pilot code fails its check character (FACTS.md). */
    creditCodeOverride: Type.Optional(Type.String({ minLength: 4, maxLength: 500 })),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    category: Type.String(),
    sizeClass: Type.Optional(SizeClass),
    regionCode: RegionCode,
    facts: Type.Optional(Type.Array(OrganisationFactInput, { maxItems: 500 })),
  },
  options,
);
export type CreateOrganisation = Static<typeof CreateOrganisationBody>;

const Fact = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  data: Type.Unknown(),
  source: Type.String(),
  recordedAt: Type.String(),
  retractedAt: Type.Optional(Type.String()),
  retractionReason: Type.Optional(Type.String()),
});

export const PersonView = Type.Object({
  id: Type.String(),
  idNumberMasked: Type.String(),
  name: Type.String(),
  sex: Type.String(),
  /**
   * The year of birth, not the date: the masked number keeps its first six and last four digits,
   * and the eight it hides are the birth date, so shown beside it the date would give the whole
   * number back (GB/T 35273-2020 §7.2). The number is for `identity:unmask`, audited.
   */
  birthYear: Type.Integer(),
  regionCode: Type.String(),
  retirementCategory: Type.Optional(Type.String()),
  hukouRegion: Type.Optional(Type.String()),
  householdId: Type.Optional(Type.String()),
  rural: Type.Optional(Type.Boolean()),
  phoneMasked: Type.Optional(Type.String()),
  /** Where subsidies are paid (社保卡金融账户), masked, and its bank. */
  bankAccountMasked: Type.Optional(Type.String()),
  bankName: Type.Optional(Type.String()),
  facts: Type.Optional(Type.Array(Fact)),
  /** The registered names of the units the facts name by credit code (an employer), by that code. */
  unitNames: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export type PersonViewT = Static<typeof PersonView>;

export const OrganisationView = Type.Object({
  id: Type.String(),
  creditCode: Type.String(),
  creditCodeOverride: Type.Optional(Type.String()),
  name: Type.String(),
  category: Type.String(),
  sizeClass: Type.Optional(Type.String()),
  regionCode: Type.String(),
  /** Where its subsidies are paid (单位银行账户), masked. */
  bankAccountMasked: Type.Optional(Type.String()),
  bankName: Type.Optional(Type.String()),
  facts: Type.Optional(Type.Array(Fact)),
});
export type OrganisationViewT = Static<typeof OrganisationView>;

export const RetractBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, options);

export const RegistrySearchQuery = Type.Object(
  {
    idNumber: Type.Optional(IdNumber),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    regionCode: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  options,
);
/** The people list's search without its paging: what an export takes. */
export const PeopleExportQuery = Type.Object(
  {
    idNumber: Type.Optional(IdNumber),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    regionCode: Type.Optional(RegionCode),
  },
  options,
);
export const OrganisationSearchQuery = Type.Object(
  {
    /** The whole code, or its start as a clerk types it. */
    creditCode: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 18,
        pattern: '^[0-9A-Za-z]+$',
        description: '统一社会信用代码（或其开头）',
      }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    regionCode: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  options,
);
