import { describe, expect, it } from 'vitest';
import { readPaymentNote } from './payment-note.js';

/** 拨付凭证: the batch, the item's place in it and the bank's reference, not the record's shorthand. */
describe('a paid step’s note', () => {
  it('paid in a batch, with the bank’s reference', () => {
    expect(readPaymentNote('ref:PB-510100-20261207-00001#1 B001')).toEqual({
      batch: { number: 'PB-510100-20261207-00001', seq: 1, bankReference: 'B001' },
    });
  });

  it('paid in a batch whose return file sent no reference of its own', () => {
    expect(readPaymentNote('ref:PB-510104-20261207-00012#250')).toEqual({
      batch: { number: 'PB-510104-20261207-00012', seq: 250 },
    });
  });

  it('a reference typed by hand stays as typed, after the reason given with it', () => {
    expect(readPaymentNote('补发 ref:BANK-2026-7')).toEqual({ reason: '补发', reference: 'BANK-2026-7' });
  });

  it('a note without a reference is a reason', () => {
    expect(readPaymentNote('账户已更正')).toEqual({ reason: '账户已更正' });
  });
});
