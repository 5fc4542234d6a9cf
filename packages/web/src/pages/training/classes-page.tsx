import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, download, query } from '../../api/client.js';
import type { TrainingClassSummary, DemandItem, TrainingInstitution, TrainingClass } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useRegionName } from '../../components/regions.js';
import { SheetUpload } from '../../components/sheet-upload.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useSubmit } from '../../components/use-submit.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { ClassStateTag, useItemName } from './training-common.js';
import { inRange } from '../../components/valid-values.js';

/**
 * Training classes: the bureau's in its regions, an institution's own (实名制培训管理). A ProTable:
 * searched by number, institution or occupation, filtered by state, institution and region in the
 * headers, sorted by dates and counts, exported as filtered.
 */
export function ClassesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const itemName = useItemName();
  const regionName = useRegionName();
  const { can, runs } = useSession();
  // Only the bureau and a school in the catalogue open classes; anyone else reaching this page by its address is not offered it.
  const opens = can('training:manage') || runs.trainingSchool;
  const col = useStaffColumns<TrainingClassSummary>();
  const { data, error, loading, reload } = useLoad(
    () => api<{ classes: TrainingClassSummary[] }>('GET', '/api/v1/training/classes'),
    [],
  );
  const rows = data?.classes ?? [];
  const stateName = (s: string) => t(`trainingClass.states.${s}`);
  const columns: StaffColumn<TrainingClassSummary>[] = [
    col.text(t('trainingClass.number'), 'number', (r) => r.number, {
      sorted: true,
      render: (_, r) => <Link to={`/training/classes/${r.id}`}>{r.number}</Link>,
    }),
    col.choice(t('training.institution'), 'institution', rows, (r) => r.institutionName, String),
    col.text(t('training.occupation'), 'occupation', (r) => itemName(r)),
    col.choice(t('common.region'), 'region', rows, (r) => r.regionCode, regionName),
    col.date(t('training.dates'), 'dates', (r) => `${r.startsOn} – ${r.endsOn}`),
    col.count(t('trainingClass.trainees'), 'trainees', (r) => r.trainees),
    col.count(t('trainingClass.certificates'), 'certificates', (r) => r.certificates),
    // Filtered and exported as the tag reads: an approved class before its first day is waiting.
    col.choice(t('common.status'), 'state', rows, (r) => (r.notStarted ? 'waiting' : r.state), stateName, {
      render: (_, r) => <ClassStateTag cls={r} />,
    }),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('trainingClass.listTitle')}</Typography.Title>
      <ErrorAlert error={error} />
      <StaffTable<TrainingClassSummary>
        emptyText={t('empty.trainingClasses')}
        rowKey="id"
        loading={loading}
        rows={rows}
        columns={columns}
        reload={reload}
        search={{
          placeholder: t('backOffice.classes.search'),
          texts: (c) => [c.number, c.institutionName, itemName(c)],
          testId: 'classes-search',
        }}
        toolbar={
          opens
            ? [
                <Button
                  key="open"
                  type="primary"
                  onClick={() => void navigate('/training/classes/new')}
                  data-testid="open-class"
                >
                  {t('trainingClass.open')}
                </Button>,
              ]
            : []
        }
        exportAs="training-classes.xlsx"
        testId="classes"
      />
    </Space>
  );
}

interface OpeningForm {
  institutionId: string;
  demandItemId: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  sessions: number;
  teachingPlan: string;
  teachers: { name: string; qualification: string }[];
  resources: string[];
  assessmentPlan: string;
}

type CheckedTrainee = { row: number; idNumber: string; name: string; idNumberMasked: string };

/**
 * 开班申请 (5号 (四)): roster by real name, teaching plan, teachers, teaching resources and the
 * assessment plan. The roster is a sheet checked against the registry before anything is sent.
 */
export function OpenClassPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const itemName = useItemName();
  const [form] = Form.useForm<OpeningForm>();
  const institutions = useLoad(
    () => api<{ institutions: TrainingInstitution[] }>('GET', '/api/v1/training/my-institutions'),
    [],
  );
  // A school with one institution opens classes for it: chosen already, not asked.
  const only = institutions.data?.institutions.length === 1 ? institutions.data.institutions[0]?.id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('institutionId')) form.setFieldsValue({ institutionId: only });
  }, [only, form]);
  const institutionId = Form.useWatch('institutionId', form);
  const institution = institutions.data?.institutions.find((i) => i.id === institutionId);
  const catalogue = useLoad(
    () =>
      institution
        ? api<{ items: DemandItem[] }>(
            'GET',
            `/api/v1/training/demand-catalogue${query({ region: institution.regionCode })}`,
          )
        : Promise.resolve({ items: [] }),
    [institution?.regionCode],
  );
  const [roster, setRoster] = useState<CheckedTrainee[]>([]);
  // The sheet as the registry checked it: its rows by number, each trainee's real name.
  const rosterCol = useStaffColumns<CheckedTrainee>();
  const rosterColumns: StaffColumn<CheckedTrainee>[] = [
    rosterCol.count(t('trainingClass.sheetRow'), 'row', (r) => r.row, { align: undefined, width: 80 }),
    rosterCol.text(t('person.name'), 'name', (r) => r.name, { sorted: true }),
    rosterCol.text(t('person.idNumber'), 'idNumber', (r) => r.idNumberMasked),
  ];
  const { run, error, busy, fail } = useSubmit();
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  const offered = (catalogue.data?.items ?? []).filter((i) => institution?.demandItemIds.includes(i.id));

  const submit = async (v: OpeningForm) => {
    if (roster.length === 0) {
      fail(
        new ApiError(400, 'REQUIRED_FIELD', t('validation.required', { field: t('trainingClass.roster') }), 'roster'),
      );
      return;
    }
    const opened = await run(() =>
      api<TrainingClass>('POST', '/api/v1/training/classes', {
        institutionId: v.institutionId,
        demandItemId: v.demandItemId,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        sessions: v.sessions,
        teachingPlan: v.teachingPlan.trim(),
        teachers: v.teachers.map((x) => ({ name: x.name.trim(), qualification: x.qualification.trim() })),
        resources: v.resources ?? [],
        assessmentPlan: v.assessmentPlan.trim(),
        roster: roster.map((r) => ({ idNumber: r.idNumber, name: r.name })),
      }),
    );
    if (!opened) return;
    void message.success(t('trainingClass.submitted', { number: opened.number }));
    void navigate(`/training/classes/${opened.id}`);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('trainingClass.open')}</Typography.Title>
      <ErrorAlert error={institutions.error} />
      <Card>
        <Form<OpeningForm>
          form={form}
          layout="vertical"
          initialValues={{ sessions: 10, teachers: [{ name: '', qualification: '' }], resources: [] }}
          onFinish={(v) => void submit(v)}
        >
          <Space wrap align="start">
            <Form.Item
              name="institutionId"
              label={t('training.institution')}
              rules={required(t('training.institution'))}
            >
              <Select
                style={{ width: 280 }}
                data-testid="class-institution"
                options={(institutions.data?.institutions ?? [])
                  .filter((i) => i.status === 'listed')
                  .map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
            <Form.Item name="demandItemId" label={t('trainingClass.item')} rules={required(t('trainingClass.item'))}>
              <Select
                style={{ width: 240 }}
                data-testid="class-item"
                options={offered.map((i) => ({ value: i.id, label: itemName(i) }))}
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item
              name="startsOn"
              label={t('trainingClass.startsOn')}
              rules={required(t('trainingClass.startsOn'))}
            >
              <DatePicker data-testid="class-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('trainingClass.endsOn')} rules={required(t('trainingClass.endsOn'))}>
              <DatePicker data-testid="class-ends" />
            </Form.Item>
            <Form.Item
              name="sessions"
              label={t('trainingClass.sessions')}
              rules={[...required(t('trainingClass.sessions')), inRange(1, 1000)]}
            >
              <InputNumber data-testid="class-sessions" />
            </Form.Item>
          </Space>
          <Form.Item
            name="teachingPlan"
            label={t('trainingClass.teachingPlan')}
            rules={required(t('trainingClass.teachingPlan'))}
          >
            <Input.TextArea rows={3} maxLength={5000} data-testid="class-plan" />
          </Form.Item>
          <Form.List name="teachers">
            {(fields, { add, remove }) => (
              <Form.Item label={t('trainingClass.teachers')} required>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'name']} rules={required(t('trainingClass.teacherName'))}>
                      <Input
                        placeholder={t('trainingClass.teacherName')}
                        maxLength={60}
                        data-testid={`teacher-name-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'qualification']} rules={required(t('trainingClass.qualification'))}>
                      <Input
                        placeholder={t('trainingClass.qualification')}
                        maxLength={200}
                        style={{ width: 280 }}
                        data-testid={`teacher-qualification-${f.name}`}
                      />
                    </Form.Item>
                    {fields.length > 1 ? <Button onClick={() => remove(f.name)}>{t('common.remove')}</Button> : null}
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', qualification: '' })}>{t('trainingClass.addTeacher')}</Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="resources" label={t('trainingClass.resources')}>
            <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder={t('trainingClass.resourcesHint')} />
          </Form.Item>
          <Form.Item
            name="assessmentPlan"
            label={t('trainingClass.assessmentPlan')}
            rules={required(t('trainingClass.assessmentPlan'))}
          >
            <Input.TextArea rows={2} maxLength={5000} data-testid="class-assessment" />
          </Form.Item>
          <Form.Item label={t('trainingClass.roster')} required>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                onClick={() => void download('/api/v1/training/roster-template', 'training-roster-template.xlsx')}
              >
                {t('registry.template')}
              </Button>
              <SheetUpload<{ trainees: CheckedTrainee[] }>
                path="/api/v1/training/roster-check"
                testId="roster-upload"
                onDone={(res) => setRoster(res.trainees)}
              />
              {roster.length > 0 ? (
                <StaffTable<CheckedTrainee>
                  emptyText={t('empty.roster')}
                  rowKey="row"
                  rows={roster}
                  columns={rosterColumns}
                  headerTitle={t('trainingClass.rosterChecked', { count: roster.length })}
                  testId="roster-checked"
                />
              ) : null}
            </Space>
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="class-submit">
            {t('trainingClass.submitOpening')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
