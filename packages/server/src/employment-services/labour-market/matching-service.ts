import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import type { PostingView, SeekerView } from './labour-market.schemas.js';
import { occupation, occupationCodeOf } from './occupations.js';
import { findPosting, findPostings } from './posting-repository.js';
import { seekersForPosting, type ScoredRow } from './matching-repository.js';
import { postingsForSeeker, type HeldCertificate } from './posting-matching-repository.js';
import type { PostingService } from './posting-service.js';
import { certificatesOf, findSeeker, findSeekers } from './seeker-repository.js';
import type { SeekerService } from './seeker-service.js';
import { AppError } from '../../http/errors.js';
import { isInScope } from '../../regions/region-scope.js';
import { yuan } from './posting-checks.js';

const TOP = 20;

interface Reason {
  kind: 'occupation' | 'region' | 'pay' | 'certificate';
  points: number;
  zh: string;
  en: string;
}

export interface MatchView {
  score: number;
  reasons: Reason[];
  posting?: PostingView;
  seeker?: {
    id: string;
    name: string;
    regionName: { zh: string; en: string };
    payMinFen: number;
    occupations: SeekerView['occupations'];
  };
}

/**
 * Matching (人岗匹配) both ways, each match with its reasons: occupation, distance by region, pay
 * fit and certificate level; ranked by score, then by id, so the same data always give the same
 * order. Candidates are in the same city (就近就业); the board searches further.
 */
export class MatchingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly postings: PostingService,
    private readonly seekers: SeekerService,
  ) {}

  async forSeekerOf(actor: Actor, seekerId: string): Promise<MatchView[]> {
    await this.seekers.inScope(actor, seekerId);
    return this.forSeeker(seekerId);
  }

  async forSeeker(seekerId: string): Promise<MatchView[]> {
    const seeker = await findSeeker(this.db, seekerId);
    if (!seeker) throw new AppError('SEEKER_NOT_FOUND', 404);
    const certificates = heldCertificates(
      (await certificatesOf(this.db, [seeker.person_id])).get(seeker.person_id) ?? [],
    );
    const rows = await postingsForSeeker(this.db, seeker, certificates, this.clock.today(), TOP);
    const found = new Map(
      (
        await findPostings(
          this.db,
          rows.map((r) => r.id),
        )
      ).map((p) => [p.id, p]),
    );
    return rows.flatMap((r) => {
      const row = found.get(r.id);
      if (!row) return [];
      const posting = this.postings.toView(row);
      return [{ score: r.score, reasons: reasons(r, posting, seeker.pay_min_fen), posting }];
    });
  }

  async forPosting(actor: Actor, postingId: string): Promise<MatchView[]> {
    const p = await findPosting(this.db, postingId);
    if (!p || !isInScope(actor.regionCode, p.region_code)) throw new AppError('POSTING_NOT_FOUND', 404);
    const posting = this.postings.toView(p);
    const rows = await seekersForPosting(
      this.db,
      { ...p, occupation_name: occupation(p.occupation_code)?.zh ?? p.occupation_code },
      TOP,
    );
    const found = new Map(
      (
        await findSeekers(
          this.db,
          rows.map((r) => r.id),
        )
      ).map((s) => [s.id, s]),
    );
    const out: MatchView[] = [];
    for (const r of rows) {
      const s = found.get(r.id);
      if (!s) continue;
      out.push({
        score: r.score,
        reasons: reasons(r, posting, s.pay_min_fen),
        seeker: {
          id: s.id,
          name: s.name,
          regionName: { zh: s.region_zh, en: s.region_en },
          payMinFen: s.pay_min_fen,
          occupations: s.occupation_codes.map((c) => occupation(c) ?? { code: c, zh: c, en: c }),
        },
      });
    }
    return out;
  }
}

/** A person's certificates in the registry as matching weighs them: by catalogue code, with a level. */
export function heldCertificates(list: readonly { occupation: string; level?: number }[]): HeldCertificate[] {
  return list.flatMap((c) => {
    const code = occupationCodeOf(c.occupation);
    // A certificate without a level (专项职业能力) counts as the lowest level, 5.
    return code ? [{ code, level: c.level ?? 5 }] : [];
  });
}

function reasons(r: ScoredRow, posting: PostingView, wishFen: number): Reason[] {
  const occ = posting.occupation;
  const occupationReason: Record<number, [string, string]> = {
    40: [`同一职业：${occ.zh}`, `Same occupation: ${occ.en}`],
    25: [`同一职业小类：${occ.zh}`, `Same occupation minor group as ${occ.en}`],
    15: [`相近职业（同一中类）：${occ.zh}`, `Related occupation (same medium group) as ${occ.en}`],
  };
  const [oz, oe] = occupationReason[r.occupation_points] ?? ['', ''];
  const region = r.region_points === 30 ? ['同一区县', 'In the same county'] : ['同一市（州）内', 'In the same city'];
  const pay =
    r.pay_points === 20
      ? [
          `月薪下限${yuan(posting.payMinFen)}不低于期望${yuan(wishFen)}`,
          `Lowest pay ${yuan(posting.payMinFen, 'en')} meets the wish of ${yuan(wishFen, 'en')}`,
        ]
      : r.pay_points === 10
        ? [
            `月薪上限${yuan(posting.payMaxFen)}可达期望${yuan(wishFen)}`,
            `Highest pay ${yuan(posting.payMaxFen, 'en')} reaches the wish of ${yuan(wishFen, 'en')}`,
          ]
        : [
            `月薪上限${yuan(posting.payMaxFen)}低于期望${yuan(wishFen)}`,
            `Highest pay ${yuan(posting.payMaxFen, 'en')} is below the wish of ${yuan(wishFen, 'en')}`,
          ];
  const out: Reason[] = [
    { kind: 'occupation', points: r.occupation_points, zh: oz, en: oe },
    { kind: 'region', points: r.region_points, zh: region[0] as string, en: region[1] as string },
    { kind: 'pay', points: r.pay_points, zh: pay[0] as string, en: pay[1] as string },
  ];
  if (r.certificate_points > 0)
    out.push({
      kind: 'certificate',
      points: r.certificate_points,
      zh: `持有${occ.zh}证书${posting.minLevel ? `（不低于${posting.minLevel}级）` : ''}`,
      en: `Holds a ${occ.en} certificate${posting.minLevel ? ` (level ${posting.minLevel} or above)` : ''}`,
    });
  return out;
}
