import { Type } from 'typebox';

export const Batch = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    fundId: Type.String(),
    channel: Type.String(),
    regionCode: Type.String(),
    layout: Type.String(),
    state: Type.String(),
    itemCount: Type.Integer(),
    totalFen: Type.Integer(),
    createdAt: Type.String(),
    exportedAt: Type.Optional(Type.String()),
    /** Who first downloaded the bank file: whom to ask whether it went to the bank. */
    exportedBy: Type.Optional(Type.String()),
    counts: Type.Object({ pending: Type.Integer(), paid: Type.Integer(), failed: Type.Integer() }),
  },
  { $id: 'PaymentBatch' },
);

export const CreatedBatches = Type.Object({
  batches: Type.Array(Batch),
  /** Application numbers with no payee account, fund or amount. */
  missingAccount: Type.Array(Type.String()),
  /** Application numbers whose last payment failed to an account not corrected since. */
  awaitingCorrection: Type.Array(Type.String()),
});

export const BatchPreview = Type.Object({
  groups: Type.Array(
    Type.Object({
      fundId: Type.String(),
      fundCode: Type.String(),
      fundName: Type.String(),
      channel: Type.String(),
      count: Type.Integer(),
      totalFen: Type.Integer(),
    }),
  ),
  count: Type.Integer(),
  totalFen: Type.Integer(),
  missingAccount: Type.Array(Type.String()),
  awaitingCorrection: Type.Array(Type.String()),
});

/** A return-file row that settled nothing: why (code, and in words in the caller's language) and what it said. */
export const UnmatchedRow = Type.Object({
  row: Type.Integer(),
  code: Type.String(),
  reason: Type.String(),
  seq: Type.String(),
  accountMasked: Type.String(),
  name: Type.String(),
  amountFen: Type.Union([Type.Integer(), Type.Null()]),
});

/**
 * A return file's import: done (`imported`, the file's report) or under way (`importing`, the
 * items settled so far; a large file is imported by a worker — ask again by its id).
 */
export const ReturnReport = Type.Object(
  {
    id: Type.String(),
    state: Type.Union([Type.Literal('importing'), Type.Literal('imported')]),
    alreadyImported: Type.Boolean(),
    rows: Type.Integer(),
    paid: Type.Integer(),
    failed: Type.Integer(),
    skipped: Type.Integer(),
    returned: Type.Integer(),
    unmatched: Type.Array(UnmatchedRow),
  },
  { $id: 'ReturnReport' },
);

const Tally = Type.Object({ count: Type.Integer(), totalFen: Type.Integer() });

export const Reconciliation = Type.Object({
  batch: Batch,
  /** Every item settled: paid, or failed and re-issued in a later batch. */
  reconciled: Type.Boolean(),
  paid: Tally,
  pending: Tally,
  failed: Tally,
  reissued: Tally,
  unmatched: Type.Object({ count: Type.Integer(), totalFen: Type.Integer(), rows: Type.Array(UnmatchedRow) }),
  failedItems: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      applicationId: Type.String(),
      applicationNumber: Type.String(),
      payeeName: Type.String(),
      accountMasked: Type.String(),
      amountFen: Type.Integer(),
      bankReason: Type.Union([Type.String(), Type.Null()]),
      settledAt: Type.Optional(Type.String()),
      reissuedIn: Type.Optional(Type.String()),
      accountCorrected: Type.Boolean(),
      payee: Type.Optional(
        Type.Object({
          kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
          id: Type.String(),
        }),
      ),
    }),
  ),
  returnFiles: Type.Array(
    Type.Object({
      importedAt: Type.String(),
      rows: Type.Integer(),
      paid: Type.Integer(),
      failed: Type.Integer(),
      unmatched: Type.Integer(),
    }),
  ),
});

export const ItemParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const ReturnParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), returnId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
