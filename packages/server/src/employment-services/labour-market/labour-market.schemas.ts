import { Type, type Static } from 'typebox';
import { IsoDateString, options, RegionCode } from '../employment-services.schemas.js';

/** Who may call the labour-market routes. */
export const LABOUR = { access: { permission: 'labour-market:manage' as const } };
export const REFER = { access: { permission: 'labour-market:refer' as const } };
export const LABOUR_READ = {
  access: { permission: ['labour-market:manage' as const, 'labour-market:refer' as const] },
};
export const PUBLIC = { access: { public: true as const } };
export const TAGS = ['labour-market'];
/** A posting's and a job search's pay is monthly, as their forms say (月薪), unlike a gig's. */
export const MONTHLY_PAY = {
  payMinFen: ['月薪下限', 'lowest monthly pay'],
  payMaxFen: ['月薪上限', 'highest monthly pay'],
} as const;

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
/** Monthly pay in fen: up to 1,000,000 元 a month. */
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
export const OccupationCode = Type.String({ pattern: '^[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}$' });
const PostingState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('refused'),
  Type.Literal('published'),
  Type.Literal('withdrawn'),
]);
const ReferralState = Type.Union([
  Type.Literal('referred'),
  Type.Literal('interview'),
  Type.Literal('hired'),
  Type.Literal('refused'),
  Type.Literal('declined'),
]);

export const postingFields = {
  title: Text(60, 1),
  occupationCode: OccupationCode,
  headcount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  payMinFen: Fen,
  payMaxFen: Fen,
  regionCode: RegionCode,
  place: Text(200, 1),
  requirements: Text(1000),
  description: Text(2000),
  /** The lowest skill level accepted (5 初级工 … 1 高级技师), when a certificate is asked for. */
  minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  contact: Text(100, 1),
  validFrom: IsoDateString,
  validTo: IsoDateString,
};

/** A unit posts for itself (its account's unit). */
export const PostingBody = Type.Object(postingFields, options);
/** A clerk posts on a unit's behalf. */
export const StaffPostingBody = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }), ...postingFields },
  options,
);
export type PostingInput = Static<typeof PostingBody>;

export const ReviewBody = Type.Object({ publish: Type.Boolean(), reason: Type.Optional(Text(500, 1)) }, options);

const Occupation = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
const Names = Type.Object({ zh: Type.String(), en: Type.String() });

export const Posting = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  title: Type.String(),
  occupation: Occupation,
  headcount: Type.Integer(),
  payMinFen: Type.Integer(),
  payMaxFen: Type.Integer(),
  regionCode: Type.String(),
  regionName: Names,
  place: Type.String(),
  requirements: Type.String(),
  description: Type.String(),
  minLevel: Type.Optional(Type.Integer()),
  contact: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  state: PostingState,
  /** Published and within its validity today. */
  open: Type.Boolean(),
  refusal: Type.Optional(Type.String()),
});
export type PostingView = Static<typeof Posting>;
export const Postings = Type.Object({ postings: Type.Array(Posting) });

export const PostingsQuery = Type.Object({ state: Type.Optional(PostingState) }, options);

export const BoardQuery = Type.Object(
  {
    /** A region and the regions below it. */
    region: Type.Optional(RegionCode),
    /** An occupation code, or its group: `6`, `6-31`, `6-31-01`. */
    occupation: Type.Optional(Type.String({ pattern: '^[1-8](-[0-9]{2}){0,3}$' })),
    /** At least this much a month (the posting's upper bound), in fen. */
    payMinFen: Type.Optional(Fen),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  options,
);
export type BoardQueryT = Static<typeof BoardQuery>;
export const Board = Type.Object({
  total: Type.Integer(),
  /** The total was counted only up to a cap: there are at least this many. */
  totalIsLowerBound: Type.Boolean(),
  postings: Type.Array(Posting),
});

export const Occupations = Type.Object({
  classification: Type.String(),
  majorGroups: Type.Array(Occupation),
  occupations: Type.Array(Occupation),
});

// ── job seekers ──

const seekerFields = {
  regionCode: RegionCode,
  occupationCodes: Type.Array(OccupationCode, { minItems: 1, maxItems: 5, uniqueItems: true }),
  payMinFen: Fen,
  availableFrom: IsoDateString,
  skills: Text(500),
};
export const ProfileBody = Type.Object(seekerFields, options);
export const SeekerBody = Type.Object({ personId: Type.String({ format: 'uuid' }), ...seekerFields }, options);
export type ProfileInput = Static<typeof ProfileBody>;

const Certificate = Type.Object({
  occupation: Type.String(),
  level: Type.Optional(Type.Integer()),
  issuedOn: Type.String(),
});

export const Seeker = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Names,
  occupations: Type.Array(Occupation),
  payMinFen: Type.Integer(),
  availableFrom: Type.String(),
  skills: Type.String(),
  active: Type.Boolean(),
  /** Certificates already in the registry (职业资格、职业技能等级证书). */
  certificates: Type.Array(Certificate),
  /** The person's open unemployment registration and assistance case, if any. */
  unemployedSince: Type.Optional(Type.String()),
  registrationCard: Type.Optional(Type.String()),
  assistanceCase: Type.Optional(Type.Object({ id: Type.String(), kind: Type.String(), openedOn: Type.String() })),
});
export type SeekerView = Static<typeof Seeker>;
export const Seekers = Type.Object({ seekers: Type.Array(Seeker) });
export const MaybeSeeker = Type.Object({ seeker: Type.Optional(Seeker) });

// ── matching ──

const Reason = Type.Object({
  kind: Type.Union([
    Type.Literal('occupation'),
    Type.Literal('region'),
    Type.Literal('pay'),
    Type.Literal('certificate'),
  ]),
  points: Type.Integer(),
  zh: Type.String(),
  en: Type.String(),
});
export const Match = Type.Object({
  score: Type.Integer(),
  reasons: Type.Array(Reason),
  posting: Type.Optional(Posting),
  seeker: Type.Optional(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      regionName: Names,
      payMinFen: Type.Integer(),
      occupations: Type.Array(Occupation),
    }),
  ),
});
export const Matches = Type.Object({ matches: Type.Array(Match) });

// ── referrals ──

export const ReferralBody = Type.Object(
  { seekerId: Type.String({ format: 'uuid' }), postingId: Type.String({ format: 'uuid' }), note: Text(500) },
  options,
);
export const AnswerBody = Type.Object(
  {
    answer: Type.Union([Type.Literal('interview'), Type.Literal('hired'), Type.Literal('refused')]),
    reason: Type.Optional(Text(500, 1)),
    hiredOn: Type.Optional(IsoDateString),
  },
  options,
);
export type AnswerInput = Static<typeof AnswerBody>;

export const Referral = Type.Object({
  id: Type.String(),
  postingId: Type.String(),
  postingTitle: Type.String(),
  organisationName: Type.String(),
  seekerId: Type.String(),
  seekerName: Type.String(),
  referredOn: Type.String(),
  note: Type.String(),
  state: ReferralState,
  reason: Type.Optional(Type.String()),
  answeredOn: Type.Optional(Type.String()),
  hiredOn: Type.Optional(Type.String()),
  /** The hire's employment registration (就业登记), or why it was left to a clerk. */
  registrationId: Type.Optional(Type.String()),
  registrationError: Type.Optional(Type.String()),
  /** The person's own reason for declining it, and the day. */
  declinedReason: Type.Optional(Type.String()),
  declinedOn: Type.Optional(Type.String()),
});
export type ReferralView = Static<typeof Referral>;
export const Referrals = Type.Object({ referrals: Type.Array(Referral) });
/** A referral as the person referred sees it: with the job as it is now (pay, place, contact). */
export const OwnReferral = Type.Object({ ...Referral.properties, posting: Posting });
export type OwnReferralView = Static<typeof OwnReferral>;
export const OwnReferrals = Type.Object({ referrals: Type.Array(OwnReferral) });
export const DeclineBody = Type.Object({ reason: Text(500, 1) }, options);
