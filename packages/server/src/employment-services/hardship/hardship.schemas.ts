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

export const FileBody = Type.Object(
  {
    personId: Type.String({ format: 'uuid' }),
    category: Category,
    evidence: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  options,
);
export const SelfFileBody = Type.Object(
  { category: Category, evidence: Type.String({ minLength: 1, maxLength: 1000 }) },
  options,
);
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

export const Certification = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.Optional(Type.String()),
  idNumberMasked: Type.Optional(Type.String()),
  regionCode: Type.String(),
  category: Category,
  evidence: Type.String(),
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
