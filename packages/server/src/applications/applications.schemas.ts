import { Type, type Static } from 'typebox';
import { ClaimFactsSchema, Count, Fen, IdNumber, IsoDate, options, Worker } from '../policies/facts.schema.js';
import { DecisionSchema, SubsidyIdSchema } from '../policies/policies.schemas.js';
import { DeferralOfferView, DeferredMaterialView, PromiseBody } from './deferred-materials.schemas.js';
import { ACTIONS, STATES, type Action, type ApplicationState } from './workflow.js';

/**
 * What an applicant claims. As the engine's claim facts, except that the people in a unit's list
 * (hires, interns, workers) are named by ID number and their facts come from the registry.
 */
// The catalogue's standard is looked up by the platform from the class the certificate came from,
// never taken from the applicant (who could otherwise name their own amount).
const { hires: _h, interns: _i, workers: _w, catalogueStandardFen: _c, ...claimFields } = ClaimFactsSchema.properties;
const { person: _p, ...workerFields } = Worker.properties;

export const ClaimInputSchema = Type.Object(
  {
    ...claimFields,
    hires: Type.Optional(
      Type.Array(
        Type.Object(
          {
            idNumber: IdNumber,
            contractStart: IsoDate,
            contractMonths: Type.Optional(Count),
            insuredMonths: Type.Optional(Count),
          },
          options,
        ),
        { maxItems: 2000 },
      ),
    ),
    interns: Type.Optional(
      Type.Array(
        Type.Object(
          { idNumber: IdNumber, from: IsoDate, to: IsoDate, months: Count, hiredEarlyOn: Type.Optional(IsoDate) },
          options,
        ),
        { maxItems: 2000 },
      ),
    ),
    workers: Type.Optional(
      Type.Array(Type.Object({ idNumber: IdNumber, ...workerFields }, options), { maxItems: 2000 }),
    ),
  },
  options,
);
export type ClaimInput = Static<typeof ClaimInputSchema>;

export const CreateApplicationBody = Type.Object(
  {
    subsidy: Type.String({ minLength: 1, maxLength: 80 }),
    claim: Type.Optional(ClaimInputSchema),
    /** Chosen by the client once per form; a retry or double click sends the same key. */
    idempotencyKey: Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }),
    /** For a clerk filing at the counter: whose application it is. */
    personId: Type.Optional(Type.String({ format: 'uuid' })),
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    /** Submit at once instead of keeping a draft. */
    submit: Type.Optional(Type.Boolean()),
    /** With `submit`: the materials promised under 容缺受理 (see the transition's `promise`). */
    promise: Type.Optional(PromiseBody),
    /**
     * 申报: facts no dataset or office here holds (graduation, a veteran's or disability status),
     * declared by a person applying; the clerk confirms each at acceptance before the engine reads it.
     */
    declarations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            kind: Type.String({ minLength: 1, maxLength: 40, description: 'graduation | status' }),
            data: Type.Record(Type.String(), Type.Unknown()),
          },
          options,
        ),
        { maxItems: 10 },
      ),
    ),
  },
  options,
);
export type CreateApplication = Static<typeof CreateApplicationBody>;

/** What the engine would decide for an application not yet filed: the same fields, no key, nothing stored. */
export const DecisionPreviewBody = Type.Omit(CreateApplicationBody, ['idempotencyKey', 'submit', 'promise'], options);
export type DecisionPreview = Static<typeof DecisionPreviewBody>;

export const TransitionBody = Type.Object(
  {
    action: Type.Unsafe<Action>(Type.String({ enum: [...ACTIONS] })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** The version the actor saw; a newer one means someone else acted first. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    /** For `pay`: the bank or treasury reference. */
    paymentReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** For `revoke`: the amount to recover, in fen; the whole amount when absent. */
    recoveryFen: Type.Optional(Fen),
    /** For `submit` and `resubmit`: the missing materials promised under 容缺受理, where the region allows it. */
    promise: Type.Optional(PromiseBody),
  },
  options,
);
export type Transition = Static<typeof TransitionBody>;

/** A clerk's word at acceptance on one fact the applicant declared. */
export const DeclarationDecisionBody = Type.Object(
  {
    outcome: Type.Unsafe<'confirmed' | 'corrected' | 'rejected'>(
      Type.String({ enum: ['confirmed', 'corrected', 'rejected'] }),
    ),
    /** For `corrected`: the fact as the evidence shows it. */
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** The file on the application the fact was checked against. */
    evidenceId: Type.Optional(Type.String({ format: 'uuid' })),
    /** Required when rejecting: what the evidence shows instead. */
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  options,
);
export type DeclarationDecision = Static<typeof DeclarationDecisionBody>;

export const DeclarationParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  declarationId: Type.String({ format: 'uuid' }),
});

export const ListApplicationsQuery = Type.Object(
  {
    state: Type.Optional(Type.Unsafe<ApplicationState>(Type.String({ enum: [...STATES] }))),
    subsidy: Type.Optional(Type.String()),
    overdue: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  options,
);
export type ListApplications = Static<typeof ListApplicationsQuery>;

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

export const ApplicationEventView = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  actionName: Text,
  fromState: Type.Optional(Type.String()),
  toState: Type.String(),
  actor: Type.String(),
  actorRoles: Type.Array(Type.String()),
  reason: Type.Optional(Type.String()),
  decision: Type.Optional(Type.Unknown()),
  at: Type.String(),
});

/** `claim`: a field of the application form itself. */
const FactSourceKind = Type.Unsafe<'reference' | 'platform' | 'declaration' | 'claim'>(
  Type.String({ enum: ['reference', 'platform', 'declaration', 'claim'] }),
);

/** Where a fact the decision read stands: from a dataset, confirmed, merely declared, or recorded here. */
export const FactProvenanceView = Type.Object({
  field: Type.String(),
  label: Text,
  entries: Type.Array(
    Type.Object({
      provenance: Type.Unsafe<'verified' | 'confirmed' | 'declared' | 'recorded'>(
        Type.String({ enum: ['verified', 'confirmed', 'declared', 'recorded'] }),
      ),
      summary: Text,
      source: Text,
    }),
  ),
});

/** For an unmet condition: which facts would change it, where each comes from, and what to do. */
export const FactNeedView = Type.Object({
  condition: Type.String(),
  rule: Text,
  cites: Type.String(),
  facts: Type.Array(
    Type.Object({
      field: Type.String(),
      label: Text,
      source: FactSourceKind,
      how: Text,
      /** The registry fact kind to declare, when the applicant may declare it. */
      declare: Type.Optional(Type.Unsafe<'graduation' | 'status'>(Type.String({ enum: ['graduation', 'status'] }))),
      evidence: Type.Optional(Text),
      /** For a status: the ones that may be declared, each with the evidence it needs. */
      options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Text, evidence: Text }))),
    }),
  ),
});

export const DeclarationView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  label: Text,
  data: Type.Record(Type.String(), Type.Unknown()),
  evidence: Text,
  state: Type.Unsafe<'declared' | 'confirmed' | 'corrected' | 'rejected'>(
    Type.String({ enum: ['declared', 'confirmed', 'corrected', 'rejected'] }),
  ),
  decidedAt: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});

/** What the engine would decide before filing, what would change each unmet condition, and where each fact stands. */
export const DecisionPreviewView = Type.Object(
  {
    ...DecisionSchema.properties,
    needs: Type.Array(FactNeedView),
    facts: Type.Array(FactProvenanceView),
    /** The applicant's live application for this subsidy and period, which a second would duplicate. */
    existing: Type.Optional(
      Type.Object({ id: Type.String(), number: Type.String(), state: Type.String(), stateName: Text }),
    ),
  },
  { additionalProperties: false },
);
export type DecisionPreviewViewT = Static<typeof DecisionPreviewView>;

/** A risk check's warning on an application (风险提示), and whether a reviewer cleared it. */
const RiskFlagView = Type.Object(
  {
    id: Type.String(),
    stage: Type.String(),
    code: Type.String(),
    severity: Type.String(),
    message: Text,
    cites: Type.String(),
    raisedAt: Type.String(),
    clearedAt: Type.Optional(Type.String()),
    clearance: Type.Optional(Type.String()),
  },
  { $id: 'RiskFlag' },
);

export const ApplicationView = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    subsidy: SubsidyIdSchema,
    subsidyName: Text,
    applicantKind: Type.String(),
    applicant: Type.Object({ id: Type.String(), name: Type.String(), identifier: Type.String() }),
    /** Paid into this unit's account rather than the applicant's (a training claim paid to the institution). */
    payee: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), identifier: Type.String() })),
    regionCode: Type.String(),
    periodKey: Type.String(),
    claim: Type.Unknown(),
    state: Type.Unsafe<ApplicationState>(Type.String({ enum: [...STATES] })),
    stateName: Text,
    version: Type.Integer(),
    submittedOn: Type.Optional(Type.String()),
    dueOn: Type.Optional(Type.String()),
    overdue: Type.Boolean(),
    publicityEndsOn: Type.Optional(Type.String()),
    /** In publicity (公示) and its period over with no objection: it may be released for payment. */
    publicityEnded: Type.Optional(Type.Boolean()),
    amountFen: Type.Optional(Type.Integer()),
    /** The amount the engine decided at the latest deciding step (the approved amount once approved). */
    decidedFen: Type.Optional(Type.Integer()),
    /**
     * Why the engine's latest decision has no amount: not eligible, the policy not in force, …, or
     * `awaiting-confirmation`: not eligible on what is confirmed while declarations wait for the clerk.
     */
    decidedStatus: Type.Optional(
      Type.Union([
        Type.Literal('awaiting-confirmation'),
        Type.Literal('ineligible'),
        Type.Literal('not-in-force'),
        Type.Literal('not-offered'),
        Type.Literal('not-applicable'),
      ]),
    ),
    /** Working days left to the deadline (negative once passed), on the official calendar; one application only. */
    workingDaysLeft: Type.Optional(Type.Integer()),
    recoveryFen: Type.Optional(Type.Integer()),
    /** The people the claim lists by id (hires, interns, workers), named; one application only. */
    listedPeople: Type.Optional(
      Type.Array(Type.Object({ id: Type.String(), name: Type.String(), identifier: Type.String() })),
    ),
    actions: Type.Array(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    events: Type.Optional(Type.Array(ApplicationEventView)),
    warnings: Type.Optional(Type.Array(Type.Object({ code: Type.String(), message: Type.String() }))),
    /** What the applicant declared, and the clerk's word on each (one application only). */
    declarations: Type.Optional(Type.Array(DeclarationView)),
    /** Each fact the decision reads, marked verified, confirmed, declared or recorded (one application only). */
    facts: Type.Optional(Type.Array(FactProvenanceView)),
    riskFlags: Type.Optional(Type.Array(RiskFlagView)),
    /** 容缺受理: the materials promised at filing and where each stands (one application only). */
    deferredMaterials: Type.Optional(Type.Array(DeferredMaterialView)),
  },
  { $id: 'Application' },
);
export type ApplicationViewT = Static<typeof ApplicationView>;

/** The self-check's questions for a region: the facts its subsidies' conditions read. */
export const SelfCheckQuestionsView = Type.Object({
  region: Type.String(),
  date: Type.String(),
  questions: Type.Array(
    Type.Object({
      field: Type.String(),
      label: Text,
      how: Text,
      subsidies: Type.Array(Type.Object({ id: Type.String(), name: Text })),
    }),
  ),
});

/** Before submitting: would the engine refuse, and which materials are still missing. */
export const SubmissionCheckView = Type.Object({
  eligible: Type.Boolean(),
  unmet: Type.Array(Type.Object({ message: Text, cites: Type.String(), detail: Type.Optional(Text) })),
  missingMaterials: Type.Array(Text),
  waivedMaterials: Type.Array(Text),
  /** Returned for correction (补正) and nothing handed in since: resubmitting needs a note of what was done. */
  correctionNeeded: Type.Boolean(),
  /** Whether the missing materials may be promised (容缺受理), and the promise to sign. */
  deferral: DeferralOfferView,
});
