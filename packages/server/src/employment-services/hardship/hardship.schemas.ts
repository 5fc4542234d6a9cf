import { Type } from 'typebox';
import { IsoDateString, options } from '../employment-services.schemas.js';

/** The groups the texts name (employment-services-parameters.ts); each region's list is a dated value. */
const Category = Type.Union([
  Type.Literal('zero-employment-household'),
  Type.Literal('dibao-household'),
  Type.Literal('poverty-monitoring'),
  Type.Literal('poverty-alleviated'),
  Type.Literal('older-worker'),
  Type.Literal('disabled'),
  Type.Literal('long-term-unemployed'),
]);
const State = Type.Union([
  Type.Literal('filed'),
  Type.Literal('certified'),
  Type.Literal('refused'),
  Type.Literal('exited'),
]);
const ExitReason = Type.Union([
  Type.Literal('employed'),
  Type.Literal('expired'),
  Type.Literal('review-failed'),
  Type.Literal('moved-away'),
  Type.Literal('retired'),
]);

/** What is attached; may be left out for a category the loaded list holds the person in (181号 第二十三条). */
const Evidence = Type.Optional(Type.String({ minLength: 1, maxLength: 1000 }));
export const FileBody = Type.Object(
  { personId: Type.String({ format: 'uuid' }), category: Category, evidence: Evidence },
  options,
);
export const SelfFileBody = Type.Object({ category: Category, evidence: Evidence }, options);
export const DecisionBody = Type.Object(
  { certify: Type.Boolean(), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  options,
);
export const ExitBody = Type.Object({ exitedOn: IsoDateString, reason: ExitReason }, options);
export const CertificationsQuery = Type.Object(
  {
    state: Type.Optional(State),
    /** Certified ones whose review date has come. */ dueForReview: Type.Optional(Type.Boolean()),
  },
  options,
);
/** A periodic review that finds the person still hard to employ: the certification stands to the next review. */
export const ReviewBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, options);

const ListDataset = Type.Union([Type.Literal('social-assistance'), Type.Literal('poverty-monitoring')]);

/** What the latest 民政 or 乡村振兴 list serving the region says of the person's category on a day. */
export const CategoryListCheck = Type.Object(
  {
    dataset: ListDataset,
    /** The day of the list's snapshot. */
    takenOn: Type.String(),
    on: Type.String(),
    holds: Type.Boolean(),
    /** The days the list gives the status, when it lists the person in the category at all. */
    from: Type.Optional(Type.String()),
    to: Type.Optional(Type.String()),
  },
  { $id: 'CategoryListCheck' },
);

export const Certification = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.Optional(Type.String()),
  idNumberMasked: Type.Optional(Type.String()),
  regionCode: Type.String(),
  category: Category,
  evidence: Type.Optional(Type.String()),
  /** The list whose snapshot held the person in the category on the filing day, in place of evidence. */
  verifiedByList: Type.Optional(Type.Object({ dataset: ListDataset, takenOn: Type.String() })),
  /** Today's word of the list, for a filed or certified one whose category a loaded list decides. */
  listCheck: Type.Optional(CategoryListCheck),
  state: State,
  filedAt: Type.String(),
  /** Whether the caller filed it: who filed it may not decide it. */
  filedByCaller: Type.Boolean(),
  decidedOn: Type.Optional(Type.String()),
  decisionReason: Type.Optional(Type.String()),
  validFrom: Type.Optional(Type.String()),
  reviewDue: Type.Optional(Type.String()),
  exitedOn: Type.Optional(Type.String()),
  exitReason: Type.Optional(ExitReason),
  /** The article the region's category list comes from. */
  reference: Type.Optional(Type.String()),
});
export const Certifications = Type.Object({ certifications: Type.Array(Certification) });
