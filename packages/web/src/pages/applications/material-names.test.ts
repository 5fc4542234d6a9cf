import { describe, expect, it } from 'vitest';
import { withoutWaiverNote } from './material-names.js';

describe('a waived material’s name', () => {
  it('loses a note that is all waiver', () => {
    expect(
      withoutWaiverNote({
        zh: '营业执照（可共享核验的免交）',
        en: 'Business licence (not needed where shared data confirms it)',
      }),
    ).toEqual({ zh: '营业执照', en: 'Business licence' });
  });

  it('keeps what the note says besides', () => {
    expect(
      withoutWaiverNote({
        zh: '创业者身份证明（高校毕业生的毕业证书等，可共享核验的免交）',
        en: 'Proof of the founder’s group (a graduate’s diploma …; not needed where shared data confirms it)',
      }),
    ).toEqual({
      zh: '创业者身份证明（高校毕业生的毕业证书等）',
      en: 'Proof of the founder’s group (a graduate’s diploma …)',
    });
  });

  it('leaves a name with no waiver note as it is', () => {
    const name = { zh: '劳动合同（复印件）', en: 'Labour contracts (copies)' };
    expect(withoutWaiverNote(name)).toEqual(name);
  });
});
