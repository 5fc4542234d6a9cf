import { describe, expect, it } from 'vitest';
import type { OrganisationFacts, TrainingProjectClaim } from '../facts/facts.js';
import { engine, example, organisation, unmet } from '../testing/builders.js';

const institution = (
  from = '2024-03-01',
  to?: string,
  category: OrganisationFacts['category'] = 'training-institution',
): OrganisationFacts =>
  organisation({
    region: '520102',
    category,
    designations: [{ kind: 'project-training-provider', from, ...(to ? { to } : {}) }],
  });
const project = (extra: Partial<TrainingProjectClaim> = {}): TrainingProjectClaim => ({
  kind: 'employment-skills',
  trainees: 50,
  certified: 42,
  ...extra,
});

describe('项目制培训补贴 (财社〔2023〕181号 第五条（三）)', () => {
  const gz = engine([
    example('project-training.employment-skills.per-person', '520000', 120_000),
    example('project-training.entrepreneurship.per-person', '520000', 100_000),
  ]);
  const ask = (org: OrganisationFacts, p: TrainingProjectClaim | undefined, date = '2024-09-01') =>
    gz.evaluate({
      subsidy: 'project-training',
      region: '520102',
      date,
      applicant: org,
      claim: p ? { project: p } : {},
    });

  it('对承担项目制培训任务的培训机构，按取得证书人数给予职业培训补贴', () => {
    expect(ask(institution(), project())).toMatchObject({
      eligible: true,
      amountFen: 42 * 120_000,
      scheme: 'project-training/national-2023',
    });
    expect(ask(institution(), project({ kind: 'entrepreneurship', certified: 30 }))).toMatchObject({
      amountFen: 30 * 100_000,
    });
  });

  it('only an institution contracted for the project, while the contract runs', () => {
    expect(unmet(ask(organisation({ region: '520102', category: 'training-institution' }), project()))).toEqual([
      'PROJECT_CONTRACTED',
    ]);
    expect(unmet(ask(institution('2024-09-02'), project()))).toEqual(['PROJECT_CONTRACTED']);
    expect(ask(institution('2024-03-01', '2024-09-01'), project()).eligible).toBe(true);
    expect(unmet(ask(institution('2024-03-01', '2024-08-31'), project()))).toEqual(['PROJECT_CONTRACTED']);
  });

  it('is paid to a training institution, not to an enterprise', () => {
    expect(unmet(ask(institution('2024-03-01', undefined, 'enterprise'), project()))).toEqual(['APPLICANT_UNIT_KIND']);
  });

  it('needs what the project delivered: trainees, and no more certified than trained', () => {
    expect(unmet(ask(institution(), undefined))).toEqual(['PROJECT_FIGURES']);
    expect(unmet(ask(institution(), project({ trainees: 10, certified: 11 })))).toEqual(['PROJECT_FIGURES']);
  });

  it('in force from 2023-12-20; the standard unset is not set', () => {
    expect(ask(institution('2023-01-01'), project(), '2023-12-19').status).toBe('not-in-force');
    expect(ask(institution('2023-01-01'), project(), '2023-12-20').eligible).toBe(true);
    expect(
      engine().evaluate({
        subsidy: 'project-training',
        region: '520102',
        date: '2024-09-01',
        applicant: institution(),
        claim: { project: project() },
      }),
    ).toMatchObject({ eligible: true, amountFen: null });
  });
});

describe('项目制培训补贴 in 四川 (办法 第六条（一）): for 国家和省重大改革中的失业人员', () => {
  const sc = engine([example('project-training.employment-skills.per-person', '510000', 150_000)]);
  const org = organisation({
    region: '510104',
    category: 'training-institution',
    designations: [{ kind: 'project-training-provider', from: '2025-01-01' }],
  });
  const ask = (p: TrainingProjectClaim, date = '2025-06-01') =>
    sc.evaluate({ subsidy: 'project-training', region: '510104', date, applicant: org, claim: { project: p } });

  it('a class all of people unemployed in a reform', () => {
    expect(ask(project({ reformUnemployed: 50 }))).toMatchObject({
      eligible: true,
      amountFen: 42 * 150_000,
      scheme: 'project-training/sichuan-2025',
    });
  });

  it('not a class of others', () => {
    expect(unmet(ask(project({ reformUnemployed: 49 })))).toEqual(['REFORM_UNEMPLOYED']);
  });

  it('the national article before 2025-05-01, the 办法 from that day to 2028-04-30, the national one after', () => {
    expect(ask(project(), '2025-04-30')).toMatchObject({ eligible: true, scheme: 'project-training/national-2023' });
    expect(unmet(ask(project(), '2025-05-01'))).toEqual(['REFORM_UNEMPLOYED']);
    expect(ask(project({ reformUnemployed: 50 }), '2025-05-01').scheme).toBe('project-training/sichuan-2025');
    expect(ask(project({ reformUnemployed: 50 }), '2028-04-30').scheme).toBe('project-training/sichuan-2025');
    expect(ask(project(), '2028-05-01')).toMatchObject({ eligible: true, scheme: 'project-training/national-2023' });
  });
});
