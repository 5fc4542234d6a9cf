import { Button, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client.js';
import type { Trainee, TrainingClass } from '../../api/schema.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';

type Inspection = TrainingClass['inspections'][number];

/** A trainee's result as a choice: passed, failed, or not yet assessed. */
type Result = 'passed' | 'failed' | 'pending';
const resultOf = (r: Trainee): Result => (r.passed === undefined ? 'pending' : r.passed ? 'passed' : 'failed');

/**
 * 培训花名册: a class's trainees with their attendance, result, score and certificate, as a staff
 * ProTable (found by name, filtered by result, sorted). Its export is the server's roster sheet,
 * the one the bureau files, not a copy of the screen.
 */
export function RosterCard({ cls, reload }: { cls: TrainingClass; reload: () => void }) {
  const { t } = useTranslation();
  const col = useStaffColumns<Trainee>();
  const resultName = (r: string) =>
    r === 'pending'
      ? t('trainingClass.notAssessed')
      : t(r === 'passed' ? 'trainingClass.passed' : 'trainingClass.failed');
  const columns: StaffColumn<Trainee>[] = [
    col.text(t('person.name'), 'name', (r) => r.name, { sorted: true }),
    col.text(t('person.idNumber'), 'idNumber', (r) => r.idNumberMasked),
    col.count(t('trainingClass.attended'), 'attended', (r) => r.attended, {
      render: (_, r) => `${r.attended} / ${cls.sessions}`,
    }),
    col.choice(t('trainingClass.result'), 'result', cls.trainees, resultOf, resultName, {
      render: (_, r) =>
        r.passed === undefined ? '—' : <Tag color={r.passed ? 'green' : 'red'}>{resultName(resultOf(r))}</Tag>,
    }),
    col.count(t('trainingClass.score'), 'score', (r) => r.score),
    col.text(t('training.serial'), 'certificate', (r) => r.certificate, { sorted: true }),
  ];
  return (
    <Card size="small" data-testid="class-roster" title={t('trainingClass.roster')}>
      <StaffTable<Trainee>
        emptyText={t('empty.trainees')}
        rowKey="personId"
        rows={cls.trainees}
        columns={columns}
        reload={reload}
        search={{ placeholder: t('trainingClass.findTrainee'), texts: (r) => [r.name], testId: 'trainee-find' }}
        toolbar={[
          <Button
            key="roster"
            onClick={() => void download(`/api/v1/training/classes/${cls.id}/roster.xlsx`, `${cls.number}.xlsx`)}
          >
            {t('common.exportExcel')}
          </Button>,
        ]}
      />
    </Card>
  );
}

/** 过程检查: the bureau's inspections of a running class, sorted by date and filtered by finding. */
export function InspectionsCard({ cls, reload }: { cls: TrainingClass; reload: () => void }) {
  const { t } = useTranslation();
  const col = useStaffColumns<Inspection>();
  const verdict = (ok: string) => t(ok === 'yes' ? 'trainingClass.satisfactoryYes' : 'trainingClass.satisfactoryNo');
  const columns: StaffColumn<Inspection>[] = [
    col.date(t('common.date'), 'date', (r) => r.inspectedOn, { defaultSortOrder: 'ascend' }),
    col.choice(
      t('trainingClass.satisfactory'),
      'satisfactory',
      cls.inspections,
      (r) => (r.satisfactory ? 'yes' : 'no'),
      verdict,
      {
        render: (_, r) => <Tag color={r.satisfactory ? 'green' : 'red'}>{verdict(r.satisfactory ? 'yes' : 'no')}</Tag>,
      },
    ),
    col.text(t('trainingClass.finding'), 'finding', (r) => r.finding),
  ];
  return (
    <Card size="small" title={t('trainingClass.inspections')}>
      <StaffTable<Inspection>
        emptyText={t('empty.inspections')}
        rowKey={(r) => `${r.inspectedOn}-${r.finding}`}
        pageSize={false}
        rows={cls.inspections}
        columns={columns}
        reload={reload}
        exportAs={`${cls.number}-inspections.xlsx`}
      />
    </Card>
  );
}
