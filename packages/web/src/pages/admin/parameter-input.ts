import { parseYuan, type ParameterLabel } from '../../components/format.js';

/**
 * A parameter's value as typed in its unit — 元 for money, % for a rate (one decimal), whole
 * months, years, days or people, 0/1 for a switch — as the integer the server stores (fen, ‰, …);
 * undefined when it is not such a value.
 */
export function parseParameterInput(input: string, unit: ParameterLabel['unit']): number | undefined {
  const text = input.trim();
  if (unit === 'fen') return parseYuan(text);
  if (unit === 'permille') {
    const m = /^(\d{1,3})(?:\.(\d))?\s*%?$/.exec(text);
    const permille = m ? Number(m[1]) * 10 + Number(m[2] ?? '0') : undefined;
    // A share of a whole: over 100% no one could meet it.
    return permille !== undefined && permille <= 1000 ? permille : undefined;
  }
  if (unit === 'flag') return text === '0' || text === '1' ? Number(text) : undefined;
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}

/** What a value in this unit must be, said when the one typed is not. */
export function inputRule(unit: ParameterLabel['unit'], t: (key: string) => string): string {
  const kind = unit === 'fen' || unit === 'permille' || unit === 'flag' ? unit : 'whole';
  return t(`admin.parameters.invalid.${kind}`);
}

/** What the value field is typed in, shown after it. */
export function unitSuffix(unit: ParameterLabel['unit'], t: (key: string) => string): string {
  if (unit === 'fen') return t('admin.parameters.unitYuan');
  if (unit === 'permille') return t('admin.parameters.unitPercent');
  if (unit === 'flag') return '0 / 1';
  return t(`admin.units.${unit}`).replace(/\{\{count\}\}\s*/, '');
}
