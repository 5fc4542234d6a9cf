import { DESIGNATION_NAMES, PERSON_STATUS_NAMES } from '@huimin/policy/vocabulary';
import type { TFunction } from 'i18next';
import { formatFen } from '../../components/format.js';

type Data = Readonly<Record<string, unknown>>;

/** What a fact's text needs besides the fact: the page's words and the names of subsidies. */
export interface FactWords {
  readonly t: TFunction;
  readonly language: string;
  readonly subsidyName: (id: string) => string;
  /** A unit's registered name by its credit code, where the registry knows the unit. */
  readonly unitName?: (creditCode: string) => string | undefined;
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const fen = (v: unknown, language: string): string => (typeof v === 'number' ? formatFen(v, language) : '');
const named = (names: Record<string, { zh: string; en: string }>, key: unknown, language: string): string => {
  const name = names[text(key)];
  return name ? (language === 'en-US' ? name.en : name.zh) : '';
};

/** A unit by its name and, in brackets, its code; by its code alone where the registry lacks it. */
function unit(code: unknown, { unitName, language }: FactWords): string {
  const name = unitName?.(text(code));
  if (!name) return text(code);
  return language === 'en-US' ? `${name} (${text(code)})` : `${name}（${text(code)}）`;
}

function period(data: Data, { t }: FactWords): string {
  return data.to
    ? t('registry.factText.periodTo', { from: text(data.from), to: text(data.to) })
    : t('registry.factText.period', { from: text(data.from) });
}

/**
 * 登记事实的内容: a registry fact's data as a clerk reads it — a status by its name and its dates, a
 * certificate by kind, occupation and level, money in 元 — never a key, a code or JSON. The
 * registry checks each kind's data when it is recorded, so each kind has its own sentence.
 */
export function factText(kind: string, data: Data, words: FactWords): string {
  const { t, language } = words;
  const join = (parts: readonly string[]) => parts.filter(Boolean).join(language === 'en-US' ? ' · ' : '，');
  switch (kind) {
    case 'status':
      return join([named(PERSON_STATUS_NAMES, data.kind, language), period(data, words)]);
    case 'designation':
      return join([named(DESIGNATION_NAMES, data.kind, language), period(data, words)]);
    case 'graduation':
      return join([
        t(`selfCheck.institutions.${text(data.institution)}`),
        t('registry.factText.graduated', { date: text(data.date) }),
      ]);
    case 'employment':
      return join([
        t(`employment.employmentKinds.${text(data.kind)}`),
        data.employer ? t('registry.factText.employer', { unit: unit(data.employer, words) }) : '',
        period(data, words),
        typeof data.contractMonths === 'number' ? t('registry.factText.contract', { count: data.contractMonths }) : '',
      ]);
    case 'insurance':
      return join([
        text(data.month),
        t(`registry.factText.payers.${text(data.payer)}`),
        t('registry.factText.insurance', {
          pension: fen(data.pensionFen, language),
          medical: fen(data.medicalFen, language),
          unemployment: fen(data.unemploymentFen, language),
        }),
        typeof data.injuryFen === 'number'
          ? t('registry.factText.injury', { injury: fen(data.injuryFen, language) })
          : '',
      ]);
    case 'business':
      return join([
        text(data.creditCode),
        t(`registry.factText.forms.${text(data.form)}`),
        t('registry.factText.registeredOn', { date: text(data.registeredOn) }),
        data.deregisteredOn ? t('registry.factText.deregisteredOn', { date: text(data.deregisteredOn) }) : '',
        t(data.operatingNormally ? 'registry.factText.operating' : 'registry.factText.notOperating'),
      ]);
    case 'certificate':
      return join([
        t(`registry.factText.certificateKinds.${text(data.kind)}`),
        text(data.occupation),
        data.level ? t(`labour.levels.${text(data.level)}`) : '',
        t('registry.factText.issuedOn', { date: text(data.issuedOn) }),
        data.firstEvaluation ? t('registry.factText.firstEvaluation') : '',
        t('registry.factText.certificateNo', { id: text(data.id) }),
      ]);
    case 'subsidy':
      return join([
        words.subsidyName(text(data.subsidy)),
        t('registry.factText.granted', { date: text(data.grantedOn) }),
        fen(data.amountFen, language),
      ]);
    case 'unemployment-insurance-year':
      return t('registry.factText.unemploymentInsuranceYear', {
        year: text(data.year),
        paid: fen(data.contributedFen, language),
        months: text(data.fullyPaidMonths),
        staff: text(data.insuredStaffAtYearStart),
        layoffs: text(data.layoffs),
      });
    default:
      // A kind recorded before this page knew it: said to be there, not shown as its raw data.
      return t('registry.factText.unknown');
  }
}
