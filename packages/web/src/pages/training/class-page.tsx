import { nextSession } from './class-sessions.js';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import type { Trainee, TrainingClass } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { todayInShanghai } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { InspectionsCard, RosterCard } from './class-lists.js';
import { ClassStateTag, ReasonButton, useItemName } from './training-common.js';

/**
 * One class through the real-name system (5号 (四)(五)): approval of the opening, check-ins per
 * session, process inspections, completion assessment, the completion review that issues
 * certificates, and the trainees' subsidy claims. Each step shows only to whoever may take it.
 */
export function ClassPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const regionName = useRegionName();
  const itemName = useItemName();
  const {
    data: cls,
    error,
    replace,
    reload,
  } = useLoad(() => api<TrainingClass>('GET', `/api/v1/training/classes/${id}`), [id]);
  const { run, error: actionError } = useSubmit();
  const { message } = App.useApp();
  if (error) return <ErrorAlert error={error} />;
  if (!cls) return null;
  const may = (s: TrainingClass['steps'][number]) => cls.steps.includes(s);

  /** Runs a step; the class comes back as the server now has it, or the step's error is shown. */
  const step = async (path: string, body?: unknown): Promise<boolean> => {
    const next = await run(() => api<TrainingClass>('POST', `/api/v1/training/classes/${id}/${path}`, body));
    if (next) replace(next);
    return next !== undefined;
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>
        {cls.number} <ClassStateTag cls={cls} />
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('training.institution')}>{cls.institutionName}</Descriptions.Item>
        <Descriptions.Item label={t('training.occupation')}>{itemName(cls)}</Descriptions.Item>
        <Descriptions.Item label={t('training.dates')}>
          {cls.startsOn} – {cls.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('trainingClass.sessions')}>{cls.sessions}</Descriptions.Item>
        <Descriptions.Item label={t('common.region')}>{regionName(cls.regionCode)}</Descriptions.Item>
        {cls.decisionReason ? (
          <Descriptions.Item label={t('trainingClass.decisionReason')}>{cls.decisionReason}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <ErrorAlert error={actionError} />

      {may('decide') ? (
        <Card size="small" title={t('trainingClass.decision')}>
          <Space>
            {/* An approval is not taken back: asked first, naming the class, and reported. */}
            <Popconfirm
              title={t('trainingClass.approveAsk', {
                institution: cls.institutionName,
                occupation: itemName(cls),
                from: cls.startsOn,
                to: cls.endsOn,
                count: cls.trainees.length,
              })}
              okButtonProps={{ id: 'action-confirm' }}
              onConfirm={async () => {
                if (await step('decision', { approve: true }))
                  void message.success(t('trainingClass.approved', { number: cls.number }));
              }}
            >
              <Button type="primary" data-testid="class-approve">
                {t('trainingClass.approve')}
              </Button>
            </Popconfirm>
            <ReasonButton
              danger
              size="middle"
              label={t('trainingClass.refuse')}
              title={t('trainingClass.refuse')}
              onConfirm={async (reason) => void (await step('decision', { approve: false, reason }))}
              testId="class-refuse"
            />
          </Space>
        </Card>
      ) : null}

      {may('attend') ? (
        <AttendanceCard cls={cls} onRecord={(sessionNo, personIds) => step('attendance', { sessionNo, personIds })} />
      ) : null}
      {may('inspect') ? <InspectionCard onRecord={(v) => step('inspections', v)} /> : null}
      {may('assess') ? <AssessmentCard cls={cls} onRecord={(results) => step('assessment', { results })} /> : null}
      {may('complete') ? (
        <Card size="small" title={t('trainingClass.completion')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('trainingClass.completionHint')}</Typography.Text>
            <Button type="primary" onClick={() => void step('completion')} data-testid="class-complete">
              {t('trainingClass.complete')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {may('claim') ? <ClaimsCard classId={cls.id} /> : null}

      <RosterCard cls={cls} reload={reload} />
      {cls.inspections.length > 0 ? <InspectionsCard cls={cls} reload={reload} /> : null}
    </Space>
  );
}

/**
 * 考勤: one session's check-ins. Nobody is ticked to start with, so each check-in is a choice (the
 * trainees' subsidies are paid on it); sessions the class cannot have held by today are shown but
 * not offered.
 */
function AttendanceCard({
  cls,
  onRecord,
}: {
  cls: TrainingClass;
  onRecord: (sessionNo: number, personIds: string[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The first session with nothing recorded: after two sessions, the third, not the first again.
  const due = Math.max(1, cls.sessionsDue);
  const [sessionNo, setSessionNo] = useState(() => nextSession(due, cls.sessionsRecorded, 0));
  const [present, setPresent] = useState<string[]>([]);
  const everyone = cls.trainees.map((p) => p.personId);
  return (
    <Card size="small" title={t('trainingClass.attendance')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <span>{t('trainingClass.session')}</span>
          <Select
            id="attendance-session"
            style={{ minWidth: 120 }}
            popupMatchSelectWidth={false}
            value={sessionNo}
            onChange={(n) => {
              setSessionNo(n);
              // Another session's check-ins start from nobody: the ticks of one are not carried to the next.
              setPresent([]);
            }}
            data-testid="attendance-session"
            options={Array.from({ length: cls.sessions }, (_, i) => ({
              value: i + 1,
              disabled: i + 1 > due,
              label: cls.sessionsRecorded.includes(i + 1)
                ? t('trainingClass.sessionRecorded', { n: i + 1 })
                : i + 1 > due
                  ? t('trainingClass.sessionNotYet', { n: i + 1 })
                  : t('trainingClass.sessionN', { n: i + 1 }),
            }))}
          />
        </Space>
        <Checkbox
          indeterminate={present.length > 0 && present.length < everyone.length}
          checked={everyone.length > 0 && present.length === everyone.length}
          onChange={(e) => setPresent(e.target.checked ? everyone : [])}
          data-testid="attendance-all"
        >
          {t('trainingClass.allPresent')}
        </Checkbox>
        <Checkbox.Group
          value={present}
          onChange={(v) => setPresent(v)}
          options={cls.trainees.map((p) => ({ value: p.personId, label: p.name }))}
        />
        <Button
          type="primary"
          disabled={present.length === 0}
          data-testid="attendance-record"
          onClick={() =>
            void onRecord(sessionNo, present).then((recorded) => {
              if (!recorded) return;
              void message.success(t('trainingClass.attendanceRecorded', { n: sessionNo, count: present.length }));
              setSessionNo((n) => nextSession(due, [...cls.sessionsRecorded, n], n));
              // The next session starts with nobody ticked again: one session's check-ins are not carried over.
              setPresent([]);
            })
          }
        >
          {t('trainingClass.recordAttendance')}
        </Button>
      </Space>
    </Card>
  );
}

interface InspectionForm {
  inspectedOn: Dayjs;
  satisfactory: boolean;
  finding: string;
}

/** 过程检查 by the bureau. */
function InspectionCard({
  onRecord,
}: {
  onRecord: (v: { inspectedOn: string; satisfactory: boolean; finding: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InspectionForm>();
  return (
    <Card size="small" title={t('trainingClass.inspect')}>
      <Form<InspectionForm>
        form={form}
        layout="inline"
        initialValues={{ inspectedOn: dayjs(todayInShanghai()), satisfactory: true }}
        onFinish={(v) =>
          void onRecord({
            inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
            satisfactory: v.satisfactory,
            finding: v.finding.trim(),
          }).then((recorded) => recorded && form.resetFields(['finding']))
        }
      >
        <Form.Item
          name="inspectedOn"
          label={t('common.date')}
          rules={[{ required: true, message: t('validation.required', { field: t('common.date') }) }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="satisfactory" label={t('trainingClass.satisfactory')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('trainingClass.finding')}
          rules={[{ required: true, message: t('validation.required', { field: t('trainingClass.finding') }) }]}
        >
          <Input style={{ width: 320 }} maxLength={2000} data-testid="inspection-finding" />
        </Form.Item>
        <Button htmlType="submit" data-testid="inspection-record">
          {t('trainingClass.recordInspection')}
        </Button>
      </Form>
    </Card>
  );
}

/** 结业考核: pass or fail and the score per trainee, once the class has ended. */
function AssessmentCard({
  cls,
  onRecord,
}: {
  cls: TrainingClass;
  onRecord: (results: { personId: string; passed: boolean; score?: number }[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [results, setResults] = useState<Record<string, { passed: boolean; score?: number }>>(() =>
    Object.fromEntries(
      cls.trainees.map((p) => [
        p.personId,
        { passed: p.passed ?? true, ...(p.score !== undefined ? { score: p.score } : {}) },
      ]),
    ),
  );
  const set = (personId: string, change: Partial<{ passed: boolean; score?: number }>) =>
    setResults((r) => ({ ...r, [personId]: { passed: true, ...r[personId], ...change } }));
  return (
    <Card size="small" title={t('trainingClass.assessment')}>
      <Table<Trainee>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={cls.trainees}
        columns={[
          { title: t('person.name'), dataIndex: 'name' },
          {
            title: t('trainingClass.passed'),
            render: (_, r) => (
              <Switch
                checked={results[r.personId]?.passed ?? true}
                onChange={(passed) => set(r.personId, { passed })}
                data-testid={`passed-${r.name}`}
              />
            ),
          },
          {
            title: t('trainingClass.score'),
            render: (_, r) => (
              <InputNumber
                min={0}
                max={100}
                value={results[r.personId]?.score ?? null}
                onChange={(v) => set(r.personId, v === null ? { score: undefined } : { score: v })}
                data-testid={`score-${r.name}`}
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        data-testid="assessment-record"
        onClick={() =>
          void onRecord(
            cls.trainees.map((p) => ({
              personId: p.personId,
              passed: results[p.personId]?.passed ?? true,
              ...(results[p.personId]?.score !== undefined ? { score: results[p.personId]?.score } : {}),
            })),
          )
        }
      >
        {t('trainingClass.recordAssessment')}
      </Button>
    </Card>
  );
}

/** The trainees' training-subsidy claims, filed from their certificates in one go (idempotent). */
function ClaimsCard({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const [filed, setFiled] = useState<{ filed: string[]; alreadyFiled: number }>();
  const { run, error } = useSubmit();
  const file = async () =>
    setFiled(
      await run(() =>
        api<{ filed: string[]; alreadyFiled: number }>('POST', `/api/v1/training/classes/${classId}/claims`),
      ),
    );
  return (
    <Card size="small" title={t('trainingClass.claims')}>
      <Space orientation="vertical">
        <Typography.Text type="secondary">{t('trainingClass.claimsHint')}</Typography.Text>
        <Button type="primary" onClick={() => void file()} data-testid="class-claims">
          {t('trainingClass.fileClaims')}
        </Button>
        <ErrorAlert error={error} />
        {filed ? (
          <div data-testid="claims-filed">
            {t('trainingClass.claimsFiled', { filed: filed.filed.length, already: filed.alreadyFiled })}
            <ul>
              {filed.filed.map((id, i) => (
                <li key={id}>
                  <Link to={`/applications/${id}`}>{t('trainingClass.openClaim', { n: i + 1 })}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
