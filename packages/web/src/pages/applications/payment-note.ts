/** What a payment step's note holds: the reason given, if any, and the payment's reference. */
export interface PaymentNote {
  readonly reason?: string;
  /** Paid in a batch: its number, the item's place in it, and the bank's own reference if it sent one. */
  readonly batch?: { readonly number: string; readonly seq: number; readonly bankReference?: string };
  /** A reference recorded by hand (a payment outside a batch), as it was typed. */
  readonly reference?: string;
}

const IN_BATCH = /^(PB-[A-Za-z0-9-]+)#(\d+)(?:\s+(\S.*))?$/;

/**
 * A paid step's note as the server records it (`ref:PB-510100-20261207-00001#1 B001`, after any
 * reason) read into its parts, so a person reads "batch …, item 1, bank reference B001" rather than
 * the record's shorthand.
 */
export function readPaymentNote(note: string): PaymentNote {
  const at = note.startsWith('ref:') ? 0 : note.indexOf(' ref:');
  if (at < 0) return { reason: note };
  const reason = note.slice(0, at).trim();
  const ref = note.slice(at).trim().slice('ref:'.length).trim();
  const m = IN_BATCH.exec(ref);
  return {
    ...(reason ? { reason } : {}),
    ...(m
      ? { batch: { number: m[1] ?? '', seq: Number(m[2]), ...(m[3] ? { bankReference: m[3].trim() } : {}) } }
      : { reference: ref }),
  };
}
