import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionName } from '../../components/regions.js';
import { useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { CaseState, PromiseText } from './case-state.js';
import { listCheckText, type AssistanceCase, type Certification, type RegistrationRow } from './employment-common.js';

/**
 * A column of the row's buttons, only for those who may press them; pinned at the right, as on the
 * other desks, so a list wider than the page (in English at 1,366 px) never cuts a button in half.
 */
function actionsColumn<T>(title: string, render: ((row: T) => ReactNode) | undefined): StaffColumn<T>[] {
  return render ? [{ title, key: 'actions', fixed: 'right', render: (_, r) => render(r) }] : [];
}

/** The region and, where recorded, the community (社区) within it. */
function usePlace() {
  const regionName = useRegionName();
  return (r: { regionCode: string; community?: string | null }) =>
    `${regionName(r.regionCode)}${r.community ? ` ${r.community}` : ''}`;
}

/** The open 就业/失业登记 of one's regions: who, which, where, since when, the card and last contact. */
export function useRegistrationColumns(
  rows: readonly RegistrationRow[],
  actions?: (r: RegistrationRow) => ReactNode,
): StaffColumn<RegistrationRow>[] {
  const { t } = useTranslation();
  const col = useStaffColumns<RegistrationRow>();
  const regionName = useRegionName();
  const place = usePlace();
  return [
    col.text(t('employment.person.name'), 'name', (r) => r.name, { sorted: true }),
    col.text(t('employment.person.idNumber'), 'idNumber', (r) => r.idNumberMasked),
    col.choice(
      t('employment.registrations.kind'),
      'kind',
      rows,
      (r) => r.kind,
      (k) => t(`employment.kinds.${k}`),
    ),
    col.choice(t('employment.registrations.region'), 'region', rows, (r) => r.regionCode, regionName, {
      render: (_, r) => place(r),
      sheet: place,
    }),
    col.date(t('employment.registrations.startsOn'), 'startsOn', (r) => r.startsOn),
    col.text(t('employment.registrations.card'), 'card', (r) => r.cardNumber),
    col.date(t('employment.registrations.lastContact'), 'lastContact', (r) => r.lastContactOn),
    ...actionsColumn(t('common.actions'), actions),
  ];
}

/** 就业困难人员认定: who, the category and its evidence, the state, validity and review, the basis. */
export function useCertificationColumns(
  rows: readonly Certification[],
  actions?: (c: Certification) => ReactNode,
): StaffColumn<Certification>[] {
  const { t } = useTranslation();
  const col = useStaffColumns<Certification>();
  const stateName = (s: string) => t(`employment.states.${s}`);
  return [
    col.text(t('employment.person.name'), 'name', (c) => c.name, { sorted: true }),
    col.text(t('employment.person.idNumber'), 'idNumber', (c) => c.idNumberMasked),
    col.choice(
      t('employment.certifications.category'),
      'category',
      rows,
      (c) => c.category,
      (k) => t(`employment.categories.${k}`),
    ),
    col.text(
      t('employment.certifications.evidence'),
      'evidence',
      (c) =>
        c.evidence ??
        (c.verifiedByList
          ? t('employment.certifications.verifiedByList', {
              list: t(`employment.lists.${c.verifiedByList.dataset}`),
              date: c.verifiedByList.takenOn,
            })
          : undefined),
    ),
    col.text(t('employment.certifications.listCheck'), 'listCheck', (c) => listCheckText(t, c), {
      render: (_, c) =>
        c.listCheck ? <Tag color={c.listCheck.holds ? 'green' : 'orange'}>{listCheckText(t, c)}</Tag> : '—',
    }),
    col.choice(t('common.status'), 'state', rows, (c) => c.state, stateName, {
      render: (_, c) => <Tag>{stateName(c.state)}</Tag>,
    }),
    col.date(t('employment.certifications.validFrom'), 'validFrom', (c) => c.validFrom),
    col.date(t('employment.certifications.reviewDue'), 'reviewDue', (c) => c.reviewDue ?? c.exitedOn),
    col.text(t('employment.certifications.basis'), 'basis', (c) => c.reference),
    ...actionsColumn(t('common.actions'), actions),
  ];
}

/** 就业援助 cases: who, the kind, where, the case worker, the dates, the 1+3+1 progress and the state. */
export function useCaseColumns(
  rows: readonly AssistanceCase[],
  actions?: (c: AssistanceCase) => ReactNode,
): StaffColumn<AssistanceCase>[] {
  const { t } = useTranslation();
  const col = useStaffColumns<AssistanceCase>();
  const regionName = useRegionName();
  const place = usePlace();
  // A closed case by why it closed, as its tag says.
  const stateOf = (c: AssistanceCase) =>
    c.closedOn ? `closed:${c.closeReason ?? ''}` : c.overdue ? 'overdue' : 'openState';
  const stateText = (s: string) => {
    if (!s.startsWith('closed:')) return t(`employment.cases.${s}`);
    const reason = s.slice('closed:'.length);
    return t('employment.cases.closed', { reason: reason ? t(`employment.closeReasons.${reason}`) : '' });
  };
  return [
    col.text(t('employment.person.name'), 'name', (c) => c.name, { sorted: true }),
    col.choice(
      t('employment.cases.kind'),
      'kind',
      rows,
      (c) => c.kind,
      (k) => t(`employment.caseKinds.${k}`),
    ),
    col.choice(t('employment.registrations.community'), 'region', rows, (c) => c.regionCode, regionName, {
      render: (_, c) => place(c),
      sheet: place,
    }),
    col.choice(
      t('employment.cases.caseWorker'),
      'caseWorker',
      rows,
      (c) => c.caseWorkerName ?? '',
      (n) => n || '—',
    ),
    col.date(t('employment.cases.openedOn'), 'openedOn', (c) => c.openedOn),
    col.date(t('employment.cases.dueOn'), 'dueOn', (c) => c.dueOn),
    { title: t('employment.cases.promise'), key: 'promise', render: (_, c) => <PromiseText c={c} /> },
    col.choice(t('employment.cases.status'), 'state', rows, stateOf, stateText, {
      render: (_, c) => <CaseState c={c} />,
    }),
    ...actionsColumn(t('common.actions'), actions),
  ];
}
