import { useTranslation } from 'react-i18next';
import { readPaymentNote } from './payment-note.js';

/** A payment's note in words: the batch and the item's place in it, and the bank's own reference. */
export function PaymentNoteText({ note }: { note: string }) {
  const { t } = useTranslation();
  const n = readPaymentNote(note);
  const parts = [
    n.reason,
    n.batch
      ? t(n.batch.bankReference ? 'application.paidInBatchWithBank' : 'application.paidInBatch', {
          batch: n.batch.number,
          seq: n.batch.seq,
          bank: n.batch.bankReference,
        })
      : n.reference,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}
