import { describe, expect, it } from 'vitest';
import { CATALOGUE, TEXT_PARAMETERS } from '../catalogue.js';
import { TEXT_DURATIONS } from '../parameters/durations.js';
import { decide, engine, organisation, person, unmet } from '../testing/builders.js';
import { DOCUMENTS, formatCitation, type Citation } from './documents.js';
import { scheme } from './scheme-builder.js';
import { text } from './text.js';
import { condition } from './build.js';

/** A rule from a document applies only from that document's date; before it, only the texts in force. */
describe('no rule applies before its document exists', () => {
  it('no scheme cites, in its basis, conditions or durations, a document dated after the scheme starts', () => {
    const late: string[] = [];
    for (const subsidy of CATALOGUE) {
      for (const s of subsidy.schemes) {
        const cited: Citation[] = [
          s.basis,
          ...s.conditions.map((c) => c.citation),
          ...s.durations.map((d) => d.citation as Citation),
        ];
        for (const c of cited) {
          if (DOCUMENTS[c.document].inForceFrom > s.from)
            late.push(`${s.id} (from ${s.from}) cites ${formatCitation(c)}`);
        }
      }
    }
    expect(late).toEqual([]);
  });

  it('no decision gives a reason from a document not yet in force on its date (each scheme, on its first day)', () => {
    const e = engine();
    const late: string[] = [];
    for (const subsidy of CATALOGUE) {
      const applicant = subsidy.applicant === 'person' ? person() : organisation({ region: '510104' });
      for (const s of subsidy.schemes) {
        const d = e.evaluate({ subsidy: subsidy.id, region: s.region, date: s.from, applicant });
        for (const r of d.reasons) {
          if (DOCUMENTS[r.citation.document].inForceFrom > s.from)
            late.push(`${s.id} on ${s.from}: ${r.code} cites ${r.cites}`);
        }
      }
    }
    expect(late).toEqual([]);
  });

  it('no text parameter or duration is in force before the document it cites', () => {
    const early = [...TEXT_PARAMETERS, ...TEXT_DURATIONS.values]
      .filter((v) => v.citation && DOCUMENTS[v.citation.document].inForceFrom > v.from)
      .map((v) => `${v.parameter} ${v.region} from ${v.from}`);
    expect(early).toEqual([]);
  });

  it('the scheme builder refuses a rule from a later text', () => {
    expect(() =>
      scheme({
        id: 'x/qingyang-2023',
        region: '621000',
        basis: { document: 'QY-2023-102', article: '第19条' },
        from: '2023-10-27',
        who: text('', ''),
        standard: text('', ''),
        materials: [],
        conditions: [condition('LATER', text('', ''), { document: 'RSB-2024-5', article: '（十二）' }, () => true)],
        amount: () => ({
          amountFen: 0,
          explanation: text('', ''),
          citation: { document: 'QY-2023-102', article: '第19条' },
        }),
      }),
    ).toThrow(/in force only from 2024-01-03/);
  });

  it('庆阳 职业技能评价补贴 on 2023-12-19 follows 第19条 alone; from 2023-12-20 also 181号 第六条 (at most once per occupation)', () => {
    const evaluated = (on: string) =>
      person({
        statuses: [{ kind: 'registered-unemployed', from: '2023-01-01' }],
        certificates: [
          { id: 'C2', kind: 'skill-level', occupation: '电工', level: 4, issuedOn: on, firstEvaluation: true },
        ],
        subsidies: [
          { subsidy: 'skill-evaluation', grantedOn: '2023-06-01', region: '621002', occupation: '电工', level: 5 },
        ],
      });
    const before = decide({
      subsidy: 'skill-evaluation',
      region: '621002',
      date: '2023-12-19',
      applicant: evaluated('2023-12-01'),
      claim: { certificateId: 'C2', feeFen: 20_000 },
    });
    expect(before).toMatchObject({ scheme: 'skill-evaluation/qingyang-2023', eligible: true });
    expect(before.reasons.map((r) => r.cites)).not.toContain('财社〔2023〕181号 第六条');
    const after = decide({
      subsidy: 'skill-evaluation',
      region: '621002',
      date: '2023-12-20',
      applicant: evaluated('2023-12-01'),
      claim: { certificateId: 'C2', feeFen: 20_000 },
    });
    expect(after.scheme).toBe('skill-evaluation/qingyang-2023-12');
    expect(unmet(after)).toEqual(['SAME_OCCUPATION_ONCE']);
  });

  it('the national 职业培训补贴 applies 人社部发〔2024〕5号 (十二) from 2024-01-03, not on 2024-01-02', () => {
    const schemeOn = (date: string) =>
      decide({ subsidy: 'vocational-training', region: '620102', date, applicant: person() }).scheme;
    expect(schemeOn('2024-01-02')).toBe('vocational-training/national-2023');
    expect(schemeOn('2024-01-03')).toBe('vocational-training/national-2024');
  });
});
