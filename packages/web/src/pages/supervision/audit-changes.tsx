import { ORGANISATION_CATEGORY_NAMES } from '@huimin/policy/vocabulary';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/schema.js';
import { formatFen, formatParameterValue, pick, punctuation, type ParameterLabel } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { countText, isHyphenatedNumber, momentText, startsBeforeEnds } from './audit-fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION_FIELDS = new Set(['regionCode', 'region_code', 'fromRegion', 'toRegion']);
/** How many items of a list an entry shows before saying how many more there are. */
const ARRAY_SHOWN = 10;
/** Money recorded in fen under a name that does not say so. */
const FEN_FIELDS = new Set(['fund']);

/** One changed field: its label, and what it was and became, each as a person reads it. */
export interface Change {
  field: string;
  label: string;
  before?: string;
  after?: string;
}

/** What one page of the trail names: records by id, parameter ids by label, and their units. */
export interface AuditNames {
  names: Record<string, string>;
  units: Record<string, string>;
}

/**
 * An entry's before and after, field by field, by their labels in the page language: ids as the
 * names of their records, money in 元, regions, roles, states and kinds by name. A field recorded
 * only on one side is shown on that side.
 */
export function useAuditChanges(subsidyName: (id: string) => string) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const first = (keys: string[]): string | undefined => {
    const found = keys.find((k) => i18n.exists(k));
    return found ? t(found) : undefined;
  };
  const value = (field: string, v: unknown, entry: AuditEntry, named: AuditNames): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (Array.isArray(v)) {
      if (v.length === 0) return '—';
      // A settled chunk names up to 2,000 applications: the first few, and how many more.
      const shown = v.slice(0, ARRAY_SHOWN).map((x) => value(field, x, entry, named));
      const rest = v.length - shown.length;
      return (
        shown.join(punctuation(i18n.language).list) + (rest > 0 ? ` ${t('admin.audit.more', { count: rest })}` : '')
      );
    }
    if (typeof v === 'boolean') return t(v ? 'admin.units.flagOn' : 'admin.units.flagOff');
    // A failed payment of a settled chunk: its application, named, and the bank's reason. Any other
    // record inside an entry (a fact's data) stays a dash: its codes have no labels here.
    if (typeof v === 'object') {
      const { application, reason } = v as { application?: unknown; reason?: unknown };
      if (application === undefined) return '—';
      return [value('application', application, entry, named), typeof reason === 'string' ? reason : '']
        .filter(Boolean)
        .join(' ');
    }
    const text = String(v);
    if (UUID.test(text)) return named.names[text.toLowerCase()] ?? t('admin.audit.unnamed');
    if (/(Fen|_fen)$/.test(field) || FEN_FIELDS.has(field)) return formatFen(Number(text), i18n.language);
    // Basis points: 345 is 3.45%.
    if (/(Bp|_bp)$/.test(field)) {
      const bp = Number(text);
      return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
    }
    if (REGION_FIELDS.has(field)) return regionName(text);
    if (field === 'parameter') return named.names[text] ?? text;
    if (field === 'value') {
      const parameter = [entry.after, entry.before]
        .map((side) => (side as { parameter?: string } | undefined)?.parameter)
        .find((p) => p !== undefined);
      const unit = parameter ? named.units[parameter] : undefined;
      if (unit) return formatParameterValue(Number(text), unit as ParameterLabel['unit'], i18n.language, t);
    }
    if (field === 'sha256') return `${text.slice(0, 12)}…`;
    const moment = momentText(field, v);
    if (moment) return moment;
    if (field === 'subsidy') return subsidyName(text);
    if (field === 'roles') return first([`roles.${text}`]) ?? text;
    const domain = entry.action.split('.')[0] ?? '';
    const candidates: Record<string, string[]> = {
      state: [
        domain === 'loans' ? `loans.states.${text}` : '',
        domain === 'employment-services' ? `employment.states.${text}` : '',
        `states.${text}`,
      ],
      answer: [`labour.referral.states.${text}`],
      category: [`employment.categories.${text}`],
      kind: [
        `employment.contactKinds.${text}`,
        domain === 'employment-services' ? `employment.caseKinds.${text}` : '',
        `employment.kinds.${text}`,
        `admin.reference.kinds.${text}`,
        `events.kinds.${text}`,
        `applicantKind.${text}`,
      ],
      trainingKind: [`training.kinds.${text}`],
      counter_guarantee_kind: [`loans.counterKinds.${text}`],
      payee: [`training.payees.${text}`],
      employmentKind: [`employment.employmentKinds.${text}`],
      basis: [`employment.basis.${text}`],
      source: [`funds.sources.${text}`],
      level: domain === 'labour-market' ? [`labour.levels.${text}`] : [],
      // A registration's end, a certification's exit and a case's close are recorded by their codes.
      reason:
        domain === 'employment-services'
          ? [`employment.endReasons.${text}`, `employment.exitReasons.${text}`, `employment.closeReasons.${text}`]
          : [],
    };
    const label = first([...(candidates[field] ?? []).filter(Boolean), `admin.auditValues.${text}`]);
    if (label) return label;
    const category = ORGANISATION_CATEGORY_NAMES[text as keyof typeof ORGANISATION_CATEGORY_NAMES];
    if (category) return pick(category, i18n.language);
    return countText(field, v) ?? text;
  };
  return (entry: AuditEntry, named: AuditNames): Change[] => {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const after = (entry.after ?? {}) as Record<string, unknown>;
    if (typeof before !== 'object' || typeof after !== 'object') return [];
    const fields = startsBeforeEnds([...new Set([...Object.keys(before), ...Object.keys(after)])]);
    return fields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]) || !(f in before))
      .map((field) => ({
        field,
        label: i18n.exists(`admin.auditFields.${field}`) ? t(`admin.auditFields.${field}`) : field,
        ...(field in before ? { before: value(field, before[field], entry, named) } : {}),
        ...(field in after ? { after: value(field, after[field], entry, named) } : {}),
      }));
  };
}

/** A value as a person reads it; a record's number kept on one line. */
const Word = ({ text }: { text: string }) => (isHyphenatedNumber(text) ? <span className="nowrap">{text}</span> : text);

/** The changes as lines: "label: before → after", or one side. */
export function ChangeLines({ changes, limit }: { changes: Change[]; limit?: number }) {
  const { t, i18n } = useTranslation();
  const shown = limit ? changes.slice(0, limit) : changes;
  const colon = punctuation(i18n.language).colon;
  return (
    <div>
      {shown.map((c) => (
        <div key={c.field}>
          <Typography.Text type="secondary">
            {c.label}
            {colon}
          </Typography.Text>
          {c.before !== undefined && c.after !== undefined ? (
            <>
              <Typography.Text delete>
                <Word text={c.before} />
              </Typography.Text>{' '}
              → <Word text={c.after} />
            </>
          ) : (
            <Word text={c.after ?? c.before ?? ''} />
          )}
        </div>
      ))}
      {limit && changes.length > limit ? (
        <Typography.Text type="secondary">{t('admin.audit.more', { count: changes.length - limit })}</Typography.Text>
      ) : null}
    </div>
  );
}
