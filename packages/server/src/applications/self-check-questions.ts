import { factsRead, type IsoDate, type PersonFacts, type PolicyEngine, type Text } from '@huimin/policy';
import { PERSON_FACT_FIELDS } from '../registry/fact-sources.js';

/** One question the self-check asks: a fact some subsidy in force here reads, and which ones. */
export interface SelfCheckQuestion {
  field: string;
  label: Text;
  how: Text;
  subsidies: { id: string; name: Text }[];
}

/** A person of whom nothing is known: every condition fails, so each reads every fact that could meet it. */
const NOBODY: PersonFacts = { kind: 'person', idNumber: '', statuses: [], employments: [], businesses: [] };

/** Facts the self-check never asks about: the ID number gives them, or the platform keeps them. */
const NOT_ASKED = new Set(['idNumber', 'birthDate', 'sex', 'name', 'householdId', 'subsidies']);

/**
 * The questions of the self-check (政策计算器) for a region and day: the facts the conditions of
 * the person subsidies in force there read, each with the subsidies that read it, most asked
 * first. A region whose subsidies read no business gets no business question.
 */
export function selfCheckQuestions(engine: PolicyEngine, region: string, date: IsoDate): SelfCheckQuestion[] {
  const asked = new Map<string, SelfCheckQuestion>();
  for (const subsidy of engine.catalogue()) {
    if (subsidy.applicant !== 'person') continue;
    const resolution = engine.resolve(subsidy, region, date);
    if (resolution.kind !== 'scheme') continue;
    let reads: ReturnType<typeof factsRead>;
    try {
      reads = factsRead(engine, { subsidy: subsidy.id, region, date, applicant: NOBODY });
    } catch {
      // A condition that cannot be judged on nothing at all asks nothing of the self-check.
      continue;
    }
    for (const field of new Set(reads.flatMap((r) => r.applicant))) {
      const known = PERSON_FACT_FIELDS[field as keyof typeof PERSON_FACT_FIELDS];
      if (!known || NOT_ASKED.has(field)) continue;
      const question = asked.get(field) ?? { field, label: known.label, how: known.how, subsidies: [] };
      question.subsidies.push({ id: subsidy.id, name: subsidy.name });
      asked.set(field, question);
    }
  }
  return [...asked.values()].sort((a, b) => b.subsidies.length - a.subsidies.length || a.field.localeCompare(b.field));
}
