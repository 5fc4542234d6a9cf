import { registerBound } from './demo-accounts.js';
import { addDays, creditCodeCheckChar, type IsoDate } from '@huimin/policy';
import type { Actor } from '../auth/actor.js';
import type { Services } from '../app/build-app.js';
import type { DemandItemInput } from '../training/catalogue/demand-item.js';

/**
 * The demo city's training (两目录一系统): a city catalogue with an item moved out, three listed
 * institutions and one moved out, and classes at every stage — one paid out to its trainees, one
 * paid to its institution, one running and one waiting for the bureau's approval. All of it goes
 * through the training and application services, as the API would.
 */
export interface TrainingSeed {
  services: Services;
  clock: { date: IsoDate };
  today: IsoDate;
  actor: (username: string) => Promise<Actor>;
  /** People in the six groups since well before the first class began, by district. */
  trainees: Record<string, string[]>;
  /** Each trainee as a roster lists them: ID number and registered name, by registry id. */
  onRoster: Map<string, { idNumber: string; name: string }>;
}

/** The demo training school's own account (a registered unit), documented in the README. */
export const DEMO_SCHOOL = { username: 'peixun', name: '成都锦江职业技能培训学校', region: '510104' } as const;

export async function seedTraining(seed: TrainingSeed, password: string): Promise<void> {
  const { services, clock, today, actor } = seed;
  const { training, applications, registry } = services;
  const counter = await actor('counter');
  const clerk = await actor('clerk');
  const clerk2 = await actor('clerk2');
  const yearStart = `${today.slice(0, 4)}-01-01`;
  clock.date = addDays(today, -90);

  // ── the city's training-demand catalogue (5号 (一)) ──
  const item = (occupation: string, input: Partial<DemandItemInput>) =>
    training.catalogue.addDemandItem(counter, {
      regionCode: '510100',
      occupation,
      trainingKind: 'employment-skills',
      standardFen: 1_500_00,
      hours: 80,
      urgent: false,
      validFrom: yearStart,
      ...input,
    });
  const electrician = await item('电工', { level: 4, standardFen: 2_000_00, hours: 120, urgent: true });
  const nanny = await item('育婴员', { level: 5, standardFen: 1_200_00 });
  const cook = await item('中式烹调师', { level: 5, hours: 100, payee: 'institution' });
  const carer = await item('养老护理员', { level: 5, standardFen: 1_600_00, hours: 90, urgent: true });
  const syb = await item('SYB创业培训', { trainingKind: 'entrepreneurship', standardFen: 1_000_00, hours: 56 });
  const welder = await item('焊工', { level: 5, standardFen: 1_400_00 });
  await training.catalogue.removeDemandItem(counter, welder.id, '本地焊工已不属急需紧缺，调出目录');

  // ── the institution catalogue (5号 (二)(十一)) ──
  const unit = async (n: number, name: string, region: string) => {
    const first17 = `52${region}MJ${String(900_000 + n).padStart(7, '0')}`;
    const creditCode = first17 + (creditCodeCheckChar(first17) as string);
    const { id } = await registry.createOrganisation(counter, {
      creditCode,
      name,
      category: 'training-institution',
      regionCode: region,
    });
    await registry.setBankAccount(
      counter,
      { organisationId: id },
      { accountNumber: `5100${region}${String(n).padStart(8, '0')}`, bankName: '成都银行（示例）' },
    );
    return { id, creditCode };
  };
  const schoolUnit = await unit(1, DEMO_SCHOOL.name, DEMO_SCHOOL.region);
  const cookUnit = await unit(2, '成都蓉城烹饪技能培训中心', '510105');
  const goneUnit = await unit(3, '成都金牛某职业培训学校', '510106');
  const school = await training.institutions.listInstitution(counter, {
    organisationId: schoolUnit.id,
    address: '锦江区东大街示例路18号',
    nature: 'private',
    capacity: 60,
    demandItemIds: [electrician.id, nanny.id, carer.id, syb.id],
  });
  const cookery = await training.institutions.listInstitution(counter, {
    organisationId: cookUnit.id,
    address: '青羊区示例街6号',
    nature: 'enterprise',
    capacity: 40,
    demandItemIds: [cook.id],
  });
  const gone = await training.institutions.listInstitution(counter, {
    organisationId: goneUnit.id,
    address: '成华区示例巷3号',
    nature: 'private',
    capacity: 30,
    demandItemIds: [welder.id],
  });
  await training.institutions.removeInstitution(
    counter,
    gone.id,
    '年度质量检查不合格，限期整改未完成（人社部发〔2024〕5号 (十一)）',
  );
  // The school registers, and binds its account with the code the counter issued after seeing its licence.
  const schoolAccount = await registerBound(
    services,
    counter,
    { username: DEMO_SCHOOL.username, password },
    { kind: 'organisation', creditCode: schoolUnit.creditCode, name: DEMO_SCHOOL.name, regionCode: DEMO_SCHOOL.region },
  );

  const plan = {
    teachingPlan: '理论与实操结合，按国家基本职业培训包组织教学',
    teachers: [{ name: '王建国', qualification: '高级技师、职业培训师' }],
    resources: ['国家基本职业培训包', '实训场地'],
    assessmentPlan: '理论考试与实操考核，均60分及格',
  };
  const roster = (region: string, from: number, count: number) =>
    (seed.trainees[region] ?? []).slice(from, from + count);
  const entries = (ids: readonly string[]) => ids.map((id) => seed.onRoster.get(id) ?? { idNumber: '', name: '' });

  // ── a class paid out to its trainees: opened, approved, attended, inspected, assessed, completed ──
  const electricians = roster('510104', 0, 10);
  const electric = await training.classes.openClass(schoolAccount, {
    institutionId: school.id,
    demandItemId: electrician.id,
    startsOn: addDays(today, -55),
    endsOn: addDays(today, -20),
    sessions: 8,
    ...plan,
    roster: entries(electricians),
  });
  clock.date = addDays(today, -58);
  await training.classes.decideClass(clerk, electric.id, true);
  for (let s = 1; s <= 8; s++) {
    clock.date = addDays(today, -55 + 4 * s);
    // One trainee missed three sessions: the attendance warning shows on their claim.
    await training.classes.recordAttendance(
      schoolAccount,
      electric.id,
      s,
      s <= 5 ? electricians : electricians.slice(1),
    );
  }
  clock.date = addDays(today, -40);
  await training.classes.inspect(clerk, electric.id, {
    inspectedOn: clock.date,
    satisfactory: true,
    finding: '实到人数与考勤记录一致，实训设备齐全',
  });
  clock.date = addDays(today, -19);
  await training.classes.recordAssessment(
    schoolAccount,
    electric.id,
    electricians.map((p, i) => ({ personId: p, passed: i !== 9, score: i === 9 ? 52 : 70 + i * 2 })),
  );
  await training.classes.complete(counter, electric.id);

  // ── a class paid to its institution (项目制), opened by the district clerk on its behalf ──
  clock.date = addDays(today, -50);
  const cooks = roster('510105', 0, 6);
  const cooking = await training.classes.openClass(clerk2, {
    institutionId: cookery.id,
    demandItemId: cook.id,
    startsOn: addDays(today, -45),
    endsOn: addDays(today, -15),
    sessions: 6,
    ...plan,
    roster: entries(cooks),
  });
  await training.classes.decideClass(counter, cooking.id, true);
  for (let s = 1; s <= 6; s++) {
    clock.date = addDays(today, -45 + 5 * s);
    await training.classes.recordAttendance(clerk2, cooking.id, s, cooks);
  }
  clock.date = addDays(today, -14);
  await training.classes.recordAssessment(
    clerk2,
    cooking.id,
    cooks.map((p) => ({ personId: p, passed: true, score: 80 })),
  );
  await training.classes.complete(clerk2, cooking.id);

  // ── claims from both classes, today; the electricians' go on to be paid ──
  clock.date = today;
  const electricClaims = await training.claims.fileClaims(counter, electric.id);
  const cookClaims = await training.claims.fileClaims(clerk2, cooking.id);
  const reviewer = await actor('reviewer');
  const approver = await actor('approver');
  const finance = await actor('finance');
  for (const [i, id] of electricClaims.filed.entries()) {
    const view = await applications.get(counter, id);
    if (view.riskFlags?.some((f) => f.severity === 'block')) continue;
    const steps: [Actor, 'accept' | 'review' | 'approve' | 'release' | 'pay'][] = [
      [clerk, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
      [finance, 'pay'],
    ];
    await registry.setBankAccount(
      counter,
      { personId: view.applicant.id },
      { accountNumber: `621700${String(900_000 + i).padStart(13, '0')}`, bankName: '中国建设银行（示例）' },
    );
    for (const [by, action] of steps.slice(0, i < 5 ? 5 : 2))
      await applications.transition(by, id, {
        action,
        ...(action === 'pay' ? { paymentReference: `DEMO-PX-${i}` } : {}),
      });
  }
  for (const id of cookClaims.filed.slice(0, 3)) await applications.transition(counter, id, { action: 'accept' });

  // ── a class running now, and one waiting for approval ──
  clock.date = addDays(today, -10);
  const nannyIds = roster('510104', 10, 6);
  const nannies = await training.classes.openClass(schoolAccount, {
    institutionId: school.id,
    demandItemId: nanny.id,
    startsOn: addDays(today, -7),
    endsOn: addDays(today, 20),
    sessions: 10,
    ...plan,
    roster: entries(nannyIds),
  });
  await training.classes.decideClass(clerk, nannies.id, true);
  for (let s = 1; s <= 2; s++) {
    clock.date = addDays(today, -7 + 3 * s);
    await training.classes.recordAttendance(schoolAccount, nannies.id, s, nannyIds);
  }
  clock.date = today;
  await training.classes.openClass(schoolAccount, {
    institutionId: school.id,
    demandItemId: carer.id,
    startsOn: addDays(today, 14),
    endsOn: addDays(today, 45),
    sessions: 12,
    ...plan,
    roster: entries(roster('510104', 16, 6)),
  });
}
