import { Type, type Static } from 'typebox';
import { MAX_FEN } from '../http/common.schemas.js';

/**
 * The facts format (docs/policy-engine.md) as a JSON schema: structure and types here; check
 * digits, real dates and money rules in @huimin/policy's validateFacts.
 */
export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'ISO date, Asia/Shanghai',
  examples: ['2024-09-01'],
});
/**
 * A date a route takes outside the facts (a registration's start, a list's filter): the day must
 * exist, so 2026-02-30 is refused naming the field, not by the database. Facts keep IsoDate: their
 * dates are checked by validateFacts, in its own words.
 */
export const CalendarDate = Type.String({ ...IsoDate, format: 'date' });

/** Identifiers and names in facts and claims: bounded, so a claim cannot carry megabytes of text. */
const Short = Type.String({ maxLength: 200 });

export const IsoMonth = Type.String({ pattern: '^\\d{4}-\\d{2}$', examples: ['2024-09'] });
export const RegionCode = Type.String({
  pattern: '^\\d{6}$',
  description: 'GB/T 2260 code; 000000 = national',
  examples: ['510104'],
});
export const Fen = Type.Integer({ minimum: 0, maximum: MAX_FEN, description: 'Money in 分 (fen)' });
export const Count = Type.Integer({ minimum: 0 });
export const CreditCode = Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码' });
export const IdNumber = Type.String({ minLength: 15, maxLength: 18, description: '居民身份证号码' });
const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4), Type.Literal(5)]);

export const options = { additionalProperties: false } as const;

export const Dated = (kind: ReturnType<typeof Type.String>) =>
  Type.Object({ kind, from: IsoDate, to: Type.Optional(IsoDate) }, options);

export const ReceivedSubsidySchema = Type.Object(
  {
    subsidy: Short,
    grantedOn: IsoDate,
    region: RegionCode,
    fund: Type.Optional(Short),
    amountFen: Type.Optional(Fen),
    certificateId: Type.Optional(Short),
    occupation: Type.Optional(Short),
    level: Type.Optional(Level),
    trainingKind: Type.Optional(
      Type.Union([
        Type.Literal('employment-skills'),
        Type.Literal('entrepreneurship'),
        Type.Literal('apprenticeship'),
        Type.Literal('technician'),
      ]),
    ),
    fromMonth: Type.Optional(IsoMonth),
    toMonth: Type.Optional(IsoMonth),
    personId: Type.Optional(IdNumber),
  },
  options,
);

export const GraduationSchema = Type.Object(
  { date: IsoDate, institution: Type.Union([Type.Literal('university'), Type.Literal('technical-college')]) },
  options,
);

export const EmploymentSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('labour-contract'), Type.Literal('public-welfare-post'), Type.Literal('flexible')]),
    employer: Type.Optional(CreditCode),
    from: IsoDate,
    to: Type.Optional(IsoDate),
    contractMonths: Type.Optional(Count),
    placement: Type.Optional(Count),
    postName: Type.Optional(Short),
    rural: Type.Optional(Type.Boolean()),
  },
  options,
);

const insuranceAmounts = {
  payer: Type.Union([Type.Literal('employer'), Type.Literal('self')]),
  employer: Type.Optional(CreditCode),
  pensionFen: Fen,
  medicalFen: Fen,
  unemploymentFen: Fen,
  injuryFen: Type.Optional(Fen),
};

export const InsuranceMonthSchema = Type.Object({ month: IsoMonth, ...insuranceAmounts }, options);
/** A run of months with the same contributions, as the registry keeps them. */
export const InsuranceRunSchema = Type.Object({ fromMonth: IsoMonth, toMonth: IsoMonth, ...insuranceAmounts }, options);

export const BusinessSchema = Type.Object(
  {
    creditCode: CreditCode,
    form: Type.Union([Type.Literal('enterprise'), Type.Literal('individual-business')]),
    sizeClass: Type.Optional(
      Type.Union([Type.Literal('large'), Type.Literal('medium'), Type.Literal('small'), Type.Literal('micro')]),
    ),
    registeredOn: IsoDate,
    deregisteredOn: Type.Optional(IsoDate),
    operatingNormally: Type.Boolean(),
  },
  options,
);

export const CertificateSchema = Type.Object(
  {
    id: Short,
    kind: Type.Union([
      Type.Literal('vocational-qualification'),
      Type.Literal('skill-level'),
      Type.Literal('special-ability'),
      Type.Literal('training-completion'),
    ]),
    occupation: Short,
    level: Type.Optional(Level),
    issuedOn: IsoDate,
    firstEvaluation: Type.Optional(Type.Boolean()),
    training: Type.Optional(
      Type.Object(
        {
          kind: Type.Union([
            Type.Literal('employment-skills'),
            Type.Literal('entrepreneurship'),
            Type.Literal('apprenticeship'),
            Type.Literal('technician'),
          ]),
          from: IsoDate,
          to: IsoDate,
          subsidised: Type.Optional(Type.Boolean()),
        },
        options,
      ),
    ),
  },
  options,
);

export const RetirementCategorySchema = Type.Union([
  Type.Literal('male'),
  Type.Literal('female-cadre'),
  Type.Literal('female-worker'),
]);

export const PersonFactsSchema = Type.Object(
  {
    kind: Type.Literal('person'),
    idNumber: IdNumber,
    name: Type.Optional(Type.String({ maxLength: 50 })),
    retirementCategory: Type.Optional(RetirementCategorySchema),
    hukouRegion: Type.Optional(RegionCode),
    rural: Type.Optional(Type.Boolean()),
    householdId: Type.Optional(Short),
    statuses: Type.Optional(Type.Array(Dated(Short))),
    graduation: Type.Optional(GraduationSchema),
    employments: Type.Optional(Type.Array(EmploymentSchema)),
    insurance: Type.Optional(Type.Array(InsuranceMonthSchema)),
    businesses: Type.Optional(Type.Array(BusinessSchema)),
    certificates: Type.Optional(Type.Array(CertificateSchema)),
    subsidies: Type.Optional(Type.Array(ReceivedSubsidySchema)),
  },
  options,
);

export const SizeClass = Type.Union([
  Type.Literal('large'),
  Type.Literal('medium'),
  Type.Literal('small'),
  Type.Literal('micro'),
]);

export const UnemploymentInsuranceYearSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    contributedFen: Fen,
    fullyPaidMonths: Count,
    insuredStaffAtYearStart: Count,
    layoffs: Count,
  },
  options,
);

export const OrganisationFactsSchema = Type.Object(
  {
    kind: Type.Literal('organisation'),
    creditCode: CreditCode,
    creditCodeOverride: Type.Optional(Short),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    category: Short,
    sizeClass: Type.Optional(SizeClass),
    region: RegionCode,
    unemploymentInsurance: Type.Optional(Type.Array(UnemploymentInsuranceYearSchema)),
    designations: Type.Optional(Type.Array(Dated(Short))),
    subsidies: Type.Optional(Type.Array(ReceivedSubsidySchema)),
  },
  options,
);

export const Worker = Type.Object(
  {
    person: PersonFactsSchema,
    contractMonths: Count,
    workedMonths: Count,
    insuredMonths: Count,
    firstExport: Type.Boolean(),
    destination: Type.Union([Type.Literal('outside-county'), Type.Literal('other-province')]),
  },
  options,
);

export const ClaimFactsSchema = Type.Object(
  {
    certificateId: Type.Optional(Short),
    trainingDays: Type.Optional(Count),
    trainingScheme: Type.Optional(Type.Union([Type.Literal('labour-preparatory'), Type.Literal('rural-practical')])),
    catalogueStandardFen: Type.Optional(Fen),
    feeFen: Type.Optional(Fen),
    hires: Type.Optional(
      Type.Array(
        Type.Object(
          {
            person: PersonFactsSchema,
            contractStart: IsoDate,
            contractMonths: Type.Optional(Count),
            insuredMonths: Type.Optional(Count),
          },
          options,
        ),
      ),
    ),
    interns: Type.Optional(
      Type.Array(
        Type.Object(
          {
            person: PersonFactsSchema,
            from: IsoDate,
            to: IsoDate,
            months: Count,
            hiredEarlyOn: Type.Optional(IsoDate),
          },
          options,
        ),
      ),
    ),
    retentionPermille: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    fromMonth: Type.Optional(IsoMonth),
    toMonth: Type.Optional(IsoMonth),
    businessCreditCode: Type.Optional(CreditCode),
    loan: Type.Optional(
      Type.Object(
        {
          borrower: Type.Union([
            Type.Literal('individual'),
            Type.Literal('partnership'),
            Type.Literal('small-micro-enterprise'),
          ]),
          principalFen: Fen,
          annualRateBp: Count,
          termMonths: Count,
          partners: Type.Optional(Count),
        },
        options,
      ),
    ),
    export: Type.Optional(
      Type.Object(
        {
          destination: Type.Union([Type.Literal('outside-county'), Type.Literal('other-province')]),
          organised: Type.Boolean(),
          first: Type.Boolean(),
          stableMonths: Count,
        },
        options,
      ),
    ),
    workers: Type.Optional(Type.Array(Worker)),
    designation: Type.Optional(Short),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    projectGrantFen: Type.Optional(Fen),
    rentFen: Type.Optional(Fen),
    project: Type.Optional(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('employment-skills'), Type.Literal('entrepreneurship')]),
          trainees: Count,
          certified: Count,
          reformUnemployed: Type.Optional(Count),
        },
        options,
      ),
    ),
    service: Type.Optional(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('public-service'), Type.Literal('incubation'), Type.Literal('recruitment')]),
          site: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 100,
              description: '服务载体: the station, incubation base or recruitment event claimed for (name or id)',
            }),
          ),
          served: Count,
          outcomes: Count,
          costFen: Type.Optional(Fen),
          chargedFen: Type.Optional(Fen),
        },
        options,
      ),
    ),
  },
  options,
);

export const EvaluationRequestSchema = Type.Object(
  {
    subsidy: Type.Optional(
      Type.String({ description: 'One subsidy id; omit to evaluate every subsidy open to the applicant' }),
    ),
    region: RegionCode,
    date: Type.Optional(IsoDate),
    applicant: Type.Union([PersonFactsSchema, OrganisationFactsSchema]),
    claim: Type.Optional(ClaimFactsSchema),
  },
  options,
);

export type EvaluationRequestBody = Static<typeof EvaluationRequestSchema>;
