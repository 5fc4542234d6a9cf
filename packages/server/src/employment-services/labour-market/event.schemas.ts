import { Type, type Static } from 'typebox';
import { options, RegionCode } from '../employment-services.schemas.js';

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Kind = Type.Union([Type.Literal('fair'), Type.Literal('live-stream')]);
const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });

export const EventBody = Type.Object(
  {
    kind: Kind,
    title: Text(60, 1),
    regionCode: RegionCode,
    /** The live-stream base (直播基地) or the venue. */
    base: Text(100, 1),
    brand: Text(60),
    anchor: Text(60),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    /** Published postings it presents (岗位推介). */
    postingIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200, uniqueItems: true }),
  },
  options,
);
export type EventInput = Static<typeof EventBody>;

export const Results = Type.Object({ views: Count, cvs: Count, interviews: Count, hires: Count }, options);
export type ResultsInput = Static<typeof Results>;

export const Event = Type.Object({
  id: Type.String(),
  kind: Kind,
  title: Type.String(),
  regionCode: Type.String(),
  base: Type.String(),
  brand: Type.String(),
  anchor: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  postingIds: Type.Array(Type.String()),
  /** CVs sent through the platform while it ran. */
  cvsReceived: Type.Integer(),
  results: Type.Optional(Results),
});
export type EventView = Static<typeof Event>;
export const Events = Type.Object({ events: Type.Array(Event) });

/** An event running now, as a seeker sees it: the postings it presents, and those they sent a CV to. */
export const LiveEvent = Type.Object({
  id: Type.String(),
  kind: Kind,
  title: Type.String(),
  base: Type.String(),
  brand: Type.String(),
  anchor: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  postings: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), organisationName: Type.String() })),
  /** The presented postings the caller has sent a CV to. */
  sent: Type.Array(Type.String()),
});
export type LiveEventView = Static<typeof LiveEvent>;
export const LiveEvents = Type.Object({ events: Type.Array(LiveEvent) });

export const CvBody = Type.Object({ postingId: Type.String({ format: 'uuid' }) }, options);
export const Cv = Type.Object({
  id: Type.String(),
  postingId: Type.String(),
  postingTitle: Type.String(),
  seekerId: Type.String(),
  name: Type.String(),
  submittedAt: Type.String(),
});
export const Cvs = Type.Object({ cvs: Type.Array(Cv) });
export const CvReceipt = Type.Object({ id: Type.String() });
