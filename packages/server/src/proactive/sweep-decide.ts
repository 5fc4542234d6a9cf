import { CATALOGUE, PolicyEngine, TEXT_PARAMETERS, type ParameterValue, type SubsidyDefinition } from '@huimin/policy';
import { IdNumberNotRead, personFacts } from '../registry/engine-facts.js';
import type { Vault } from '../security/vault.js';
import { offersFor, received, type NewOffer, type PersonInBatch } from './sweep-batch.js';
import { assembleBatch, type BatchTexts } from './sweep-batch-read.js';

/** What deciding a batch of people needs besides the batch: the job, its date and the engine. */
export interface PeopleSweep {
  readonly jobId: string;
  readonly judgedOn: string;
  readonly engine: PolicyEngine;
}

/** A batch of people decided: the offers for every subsidy each is eligible for and has not applied for. */
export function decidePeople(
  sweep: PeopleSweep,
  subsidies: readonly SubsidyDefinition[],
  vault: Pick<Vault, 'decrypt'>,
  batch: readonly PersonInBatch[],
): NewOffer[] {
  return batch.flatMap((p) =>
    offersFor(
      sweep,
      subsidies,
      p.id,
      null,
      p.region_code,
      p.applications,
      personFacts(vault, p, p.facts, received(p.applications, 'person_id')),
    ),
  );
}

/** What a deciding thread is started with: plain data, so it builds the very engine the sweep uses. */
export interface DeciderSetup {
  readonly jobId: string;
  readonly judgedOn: string;
  /** The regions' own settings the sweep's engine was built from. */
  readonly local: readonly ParameterValue[];
}

/** A rule read an ID number in a thread that holds no key: the batch is decided on the main thread instead. */
export class KeyNotHere extends Error {
  constructor() {
    super('an ID number was read in a deciding thread, which holds no key');
  }
}

/** A batch sent to a deciding thread: the batch query's texts, or the whole batch as one JSON text. */
export type BatchText = BatchTexts | string;

/**
 * Deciding in a worker thread (`sweep-decider-worker.js`): the engine built from the same settings,
 * batches arriving as the JSON texts the batch queries returned. The thread is given no key: the
 * engine's person rules read birth date and sex from the registry's columns, and an ID number read
 * anyway throws `KeyNotHere`, so that batch goes back to the main thread rather than the key across.
 */
export function deciderFor(setup: DeciderSetup): (text: BatchText) => NewOffer[] {
  const engine = new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...setup.local]);
  const subsidies = engine.catalogue().filter((s) => s.applicant === 'person');
  const noKey = {
    decrypt: (): string => {
      throw new KeyNotHere();
    },
  };
  const sweep = { jobId: setup.jobId, judgedOn: setup.judgedOn, engine };
  return (text) => {
    try {
      return decidePeople(
        sweep,
        subsidies,
        noKey,
        typeof text === 'string' ? (JSON.parse(text) as PersonInBatch[]) : assembleBatch<PersonInBatch>(text),
      );
    } catch (e) {
      // The batch was read without ciphers: the main thread reads them, and holds the key.
      throw e instanceof IdNumberNotRead ? new KeyNotHere() : e;
    }
  };
}
