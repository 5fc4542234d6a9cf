import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../../policy/src/testing/builders.js';
import { selfCheckQuestions } from './self-check-questions.js';

describe('the self-check asks what the subsidies in force read', () => {
  const questions = selfCheckQuestions(defaultEngine, '510104', '2026-11-23');
  const asked = (field: string) => questions.find((q) => q.field === field);

  it('in 成都 it asks about a business founded, because 一次性创业补贴 reads one', () => {
    expect(asked('businesses')?.subsidies.map((s) => s.id)).toContain('one-time-startup');
  });

  it('asks about graduation and statuses, for the subsidies that read them', () => {
    expect(asked('graduation')?.subsidies.map((s) => s.id)).toContain('one-time-job-seeking');
    expect(asked('statuses')?.subsidies.length).toBeGreaterThan(1);
  });

  it('never asks what the ID number gives or what the platform already knows', () => {
    for (const field of ['idNumber', 'birthDate', 'sex', 'subsidies']) expect(asked(field)).toBeUndefined();
  });

  it('asks nothing where no subsidy is in force', () => {
    expect(selfCheckQuestions(defaultEngine, '510104', '2010-01-01')).toEqual([]);
  });
});
