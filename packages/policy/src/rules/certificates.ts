import { condition, outcome } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import type { Condition, EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Certificate, CertificateKind, PersonFacts, ReceivedSubsidy } from '../facts/facts.js';
import { certificateById } from '../facts/queries.js';

/**
 * Rules on certificates shared by the training, evaluation and skill-upgrading subsidies. The
 * certificate claimed for is `claim.certificateId`; without it, the newest certificate is used so
 * the "what can I get" check can answer from the facts alone.
 */
export function claimedCertificate(ctx: EvaluationContext<PersonFacts>): Certificate | undefined {
  return ctx.memo(claimedCertificate, () => findCertificate(ctx));
}

function findCertificate(ctx: EvaluationContext<PersonFacts>): Certificate | undefined {
  const byId = certificateById(ctx.applicant, ctx.claim.certificateId);
  if (byId || ctx.claim.certificateId !== undefined) return byId;
  let newest: Certificate | undefined;
  for (const c of ctx.applicant.certificates ?? [])
    if (c.issuedOn <= ctx.date && (!newest || c.issuedOn > newest.issuedOn)) newest = c;
  return newest;
}

const KIND_NAMES: Record<CertificateKind, readonly [zh: string, en: string]> = {
  'vocational-qualification': ['职业资格证书', 'vocational qualification certificate'],
  'skill-level': ['职业技能等级证书', 'skill level certificate'],
  'special-ability': ['专项职业能力证书', 'special ability certificate'],
  'training-completion': ['培训合格证书', 'training completion certificate'],
};

export function certificateOfKind(kinds: readonly CertificateKind[], citation: Citation): Condition<PersonFacts> {
  const names = kinds.map((k) => KIND_NAMES[k][0]).join('、');
  const englishNames = kinds.map((k) => KIND_NAMES[k][1]);
  const either = `${englishNames.slice(0, -1).join(', ')}${englishNames.length > 1 ? ' or ' : ''}${englishNames.at(-1) ?? ''}`;
  return condition('CERTIFICATE_KIND', text(`须取得${names}之一`, `A ${either} is required`), citation, (ctx) => {
    const c = claimedCertificate(ctx);
    if (!c) return outcome(false, '未找到所申领的证书', 'The certificate claimed for was not found');
    return kinds.includes(c.kind)
      ? true
      : outcome(false, `所持为${KIND_NAMES[c.kind][0]}`, `The certificate held is a ${KIND_NAMES[c.kind][1]}`);
  });
}

function sameOccupation(s: ReceivedSubsidy, c: Certificate): boolean {
  return s.occupation !== undefined && s.occupation === c.occupation;
}

/** How many earlier subsidies of the given kinds a person has had (optionally of one training kind). */
export function lifetimeCap(
  subsidyIds: readonly string[],
  max: number,
  citation: Citation,
  code: string,
  rule: { zh: string; en: string },
  byTrainingKind = false,
): Condition<PersonFacts> {
  return condition(code, text(rule.zh, rule.en), citation, (ctx) => {
    const c = claimedCertificate(ctx);
    const kind = c?.training?.kind;
    let count = 0;
    for (const s of ctx.applicant.subsidies ?? []) {
      if (!subsidyIds.includes(s.subsidy)) continue;
      if (byTrainingKind && kind !== undefined && (s.trainingKind ?? 'employment-skills') !== kind) continue;
      count++;
    }
    return count < max ? true : outcome(false, `已享受${count}次`, `Already granted ${count} times`);
  });
}

/** 同一职业（工种）的同一等级不可重复申领 (人社部发〔2024〕5号 (十二)), counted across the listed subsidies. */
export function sameOccupationAndLevelOnce(subsidyIds: readonly string[], citation: Citation): Condition<PersonFacts> {
  return condition(
    'SAME_OCCUPATION_LEVEL_ONCE',
    text('同一职业（工种）的同一等级不得重复申领', 'The same occupation at the same level is subsidised once'),
    citation,
    (ctx) => {
      const c = claimedCertificate(ctx);
      if (!c) return true;
      const earlier = (ctx.applicant.subsidies ?? []).find(
        (s) => subsidyIds.includes(s.subsidy) && sameOccupation(s, c) && s.level === c.level,
      );
      return earlier
        ? outcome(
            false,
            `${c.occupation}该等级已于${earlier.grantedOn}享受`,
            `${c.occupation} at this level was subsidised on ${earlier.grantedOn}`,
          )
        : true;
    },
  );
}

/** 获得高等级证书的不得再申领同一职业（工种）低等级证书补贴 (人社部发〔2024〕5号 (十二)). Level 1 is highest. */
export function noLowerLevelAfterHigher(subsidyIds: readonly string[], citation: Citation): Condition<PersonFacts> {
  return condition(
    'NO_LOWER_LEVEL_AFTER_HIGHER',
    text(
      '已获高等级证书补贴的，不得再申领同一职业（工种）低等级证书补贴',
      'No subsidy for a lower level after a higher level of the same occupation',
    ),
    citation,
    (ctx) => {
      const c = claimedCertificate(ctx);
      if (!c || c.level === undefined) return true;
      const level = c.level;
      const higher = (ctx.applicant.subsidies ?? []).find(
        (s) => subsidyIds.includes(s.subsidy) && sameOccupation(s, c) && s.level !== undefined && s.level < level,
      );
      return higher
        ? outcome(
            false,
            `已于${higher.grantedOn}享受更高等级补贴`,
            `A higher level was subsidised on ${higher.grantedOn}`,
          )
        : true;
    },
  );
}

/** 同一职业（工种）不得重复享受 (评价补贴: any level). */
export function sameOccupationOnce(subsidyIds: readonly string[], citation: Citation): Condition<PersonFacts> {
  return condition(
    'SAME_OCCUPATION_ONCE',
    text('同一职业（工种）不得重复享受', 'The same occupation is subsidised once'),
    citation,
    (ctx) => {
      const c = claimedCertificate(ctx);
      if (!c) return true;
      const earlier = (ctx.applicant.subsidies ?? []).find(
        (s) => subsidyIds.includes(s.subsidy) && sameOccupation(s, c),
      );
      return earlier
        ? outcome(
            false,
            `${c.occupation}已于${earlier.grantedOn}享受`,
            `${c.occupation} was subsidised on ${earlier.grantedOn}`,
          )
        : true;
    },
  );
}

/** The certificate must not already have been claimed for under any of these subsidies. */
export function certificateNotClaimed(subsidyIds: readonly string[], citation: Citation): Condition<PersonFacts> {
  return condition(
    'CERTIFICATE_NOT_CLAIMED',
    text('同一证书不得重复申领补贴', 'A certificate is claimed for once'),
    citation,
    (ctx) => {
      const c = claimedCertificate(ctx);
      if (!c) return true;
      return (ctx.applicant.subsidies ?? []).some((s) => subsidyIds.includes(s.subsidy) && s.certificateId === c.id)
        ? outcome(false, `证书${c.id}已申领过补贴`, `Certificate ${c.id} was already claimed for`)
        : true;
    },
  );
}
