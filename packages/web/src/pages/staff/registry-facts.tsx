import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { factText } from './fact-text.js';

/** A fact the registry holds about a person or a unit, as `GET /api/v1/people/:id` (or organisations) answers it. */
export interface RegistryFact {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  source: string;
  recordedAt: string;
  retractedAt?: string;
  retractionReason?: string;
}

/**
 * 登记事实: what the registry holds about a person or a unit, as a staff ProTable — filtered by kind, source
 * and whether it still stands, sorted by when it was recorded, exported as the page shows it.
 */
export function RegistryFacts(props: {
  facts: readonly RegistryFact[];
  /** The person's or unit's region, whose policy list names the subsidies they were granted. */
  region: string;
  fileName: string;
  reload: () => void;
  /** Units' names by credit code, for the facts that name a unit by its code. */
  unitNames?: Readonly<Record<string, string>>;
}) {
  const { facts, region, fileName, reload, unitNames = {} } = props;
  const { t, i18n } = useTranslation();
  const subsidyName = useSubsidyNames(region);
  const col = useStaffColumns<RegistryFact>();
  const standing = (f: RegistryFact) => (f.retractedAt ? 'retracted' : 'current');
  const standingName = (s: string) => t(s === 'retracted' ? 'registry.retracted' : 'registry.current');
  const columns: StaffColumn<RegistryFact>[] = [
    col.choice(
      t('registry.factKind'),
      'kind',
      facts,
      (f) => f.kind,
      (k) => t(`registry.factKinds.${k}`),
    ),
    col.text(t('registry.factData'), 'data', (f) =>
      factText(f.kind, f.data, { t, language: i18n.language, subsidyName, unitName: (code) => unitNames[code] }),
    ),
    col.choice(
      t('registry.source'),
      'source',
      facts,
      (f) => f.source,
      (s) => t(`registry.sources.${s}`),
    ),
    col.instant(t('registry.recordedAt'), 'recordedAt', (f) => f.recordedAt),
    col.choice(t('common.status'), 'standing', facts, standing, standingName, {
      render: (_, f) => <Tag color={f.retractedAt ? 'default' : 'green'}>{standingName(standing(f))}</Tag>,
    }),
  ];
  return (
    <StaffTable<RegistryFact>
      emptyText={t('empty.personFacts')}
      rowKey="id"
      rows={facts}
      columns={columns}
      exportAs={fileName}
      reload={reload}
      testId="person-facts"
    />
  );
}
