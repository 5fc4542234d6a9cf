import { Type, type Static } from 'typebox';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/**
 * 容缺承诺: sent with `submit` or `resubmit` where the region allows 容缺受理 for the subsidy — every
 * missing material, by its number in the list (from 0), and the applicant's agreement to the text
 * the submission check showed.
 */
export const PromiseBody = Type.Object(
  {
    materials: Type.Array(Type.Integer({ minimum: 0, maximum: 50 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    agreed: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type PromiseBodyT = Static<typeof PromiseBody>;

/** A material promised at filing, and where it stands: promised, supplied (to check), checked, or lapsed. */
export const DeferredMaterialView = Type.Object(
  {
    material: Type.Integer(),
    name: Text,
    state: Type.Unsafe<'promised' | 'supplied' | 'checked' | 'lapsed'>(
      Type.String({ enum: ['promised', 'supplied', 'checked', 'lapsed'] }),
    ),
    promisedOn: Type.String(),
    dueOn: Type.String(),
    basis: Type.String(),
    promise: Type.String(),
    suppliedAt: Type.Optional(Type.String()),
    checkedAt: Type.Optional(Type.String()),
    checkNote: Type.Optional(Type.String()),
  },
  { $id: 'DeferredMaterial' },
);

/** Before submitting: whether the missing materials may be promised here, by when, and the words to sign. */
export const DeferralOfferView = Type.Object({
  allowed: Type.Boolean(),
  /** The numbers of the materials to promise (those missing). */
  materials: Type.Array(Type.Integer()),
  dueOn: Type.Optional(Type.String()),
  basis: Type.Optional(Type.String()),
  promise: Type.Optional(Text),
  /** Why not, when not: the value in force that says no. */
  cites: Type.Optional(Type.String()),
});

/** A clerk's check of a supplied material: accepted, or refused with what is wrong (the applicant supplies it again). */
export const DeferredCheckBody = Type.Object(
  {
    outcome: Type.Unsafe<'accepted' | 'refused'>(Type.String({ enum: ['accepted', 'refused'] })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DeferredCheck = Static<typeof DeferredCheckBody>;

export const DeferredMaterialParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), material: Type.Integer({ minimum: 0, maximum: 50 }) },
  { additionalProperties: false },
);
