import { Type, type Static } from 'typebox';
import { IsoDateString, options, RegionCode } from '../employment-services.schemas.js';
import { Posting, postingFields } from './labour-market.schemas.js';

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Names = Type.Object({ zh: Type.String(), en: Type.String() });
const PayUnit = Type.Union([Type.Literal('day'), Type.Literal('piece')]);

export const StationBody = Type.Object(
  {
    name: Text(60, 1),
    regionCode: RegionCode,
    /** The registry organisation that runs it. */
    operatorId: Type.String({ format: 'uuid' }),
    address: Text(200, 1),
    openedOn: IsoDateString,
  },
  options,
);
export type StationInput = Static<typeof StationBody>;

export const Station = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Names,
  operatorId: Type.String(),
  operatorName: Type.String(),
  address: Type.String(),
  openedOn: Type.String(),
});
export type StationView = Static<typeof Station>;
export const Stations = Type.Object({ stations: Type.Array(Station) });

/** A gig posted through a station on a unit's behalf: its pay range is per day or per piece. */
export const GigBody = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }), payUnit: PayUnit, ...postingFields },
  options,
);
export type GigInput = Static<typeof GigBody>;

export const Gig = Type.Object({
  posting: Posting,
  stationId: Type.String(),
  payUnit: PayUnit,
});
export type GigView = Static<typeof Gig>;
export const Gigs = Type.Object({ gigs: Type.Array(Gig) });
export const GigBoardQuery = Type.Object({ region: Type.Optional(RegionCode) }, options);

export const WorkerBody = Type.Object(
  { personId: Type.String({ format: 'uuid' }), skills: Text(500), registeredOn: IsoDateString },
  options,
);
export const Worker = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  skills: Type.String(),
  registeredOn: Type.String(),
});
export type WorkerView = Static<typeof Worker>;
export const Workers = Type.Object({ workers: Type.Array(Worker) });

export const MatchBody = Type.Object(
  { postingId: Type.String({ format: 'uuid' }), workerId: Type.String({ format: 'uuid' }), matchedOn: IsoDateString },
  options,
);
export const GigMatch = Type.Object({ id: Type.String(), postingId: Type.String(), workerId: Type.String() });

/** A month (`month=2026-11`) or a whole year (`year=2026`, what the subsidy is claimed for): one of them. */
export const FiguresQuery = Type.Object(
  {
    month: Type.Optional(Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099 })),
  },
  options,
);
/**
 * A station's service figures for a month or a year, and the same as the 就业创业服务补助 claim reads
 * them (`service`: public-service, site = the station, served = workers served, outcomes = workers
 * placed in a gig). A year counts each person once, however many months they were served in.
 */
export const Figures = Type.Object({
  stationId: Type.String(),
  /** `2026-11` or `2026`. */
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  postings: Type.Integer(),
  workersServed: Type.Integer(),
  matches: Type.Integer(),
  workersMatched: Type.Integer(),
  service: Type.Object({
    kind: Type.Literal('public-service'),
    /** The station's name: a claim per station (claim.service.site, migration 0031). */
    site: Type.String(),
    served: Type.Integer(),
    outcomes: Type.Integer(),
  }),
});
export type FiguresView = Static<typeof Figures>;
