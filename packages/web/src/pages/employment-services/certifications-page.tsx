import {
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { StaffTable } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';
import { listCheckText, PersonLookup, today, type Certification, type FoundPerson } from './employment-common.js';
import { useCertificationColumns } from './employment-columns.js';
import { validValues } from '../../components/valid-values.js';
import { orOnFields } from '../../components/server-field-errors.js';
import { IsoDateInput } from '../../components/iso-date-input.js';

export const CATEGORIES = [
  'zero-employment-household',
  'dibao-household',
  'poverty-monitoring',
  'poverty-alleviated',
  'older-worker',
  'disabled',
  'long-term-unemployed',
] as const;
const STATES = ['filed', 'dueForReview', 'certified', 'refused', 'exited'] as const;
const EXIT_REASONS = ['employed', 'expired', 'review-failed', 'moved-away', 'retired'] as const;
type State = (typeof STATES)[number];

/** 就业困难人员认定: applications filed, decided by someone other than the filer, and exits. */
export function CertificationsPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const { account } = useSession();
  const mayFile = account?.permissions.includes('hardship:file') ?? false;
  const mayDecide = account?.permissions.includes('hardship:decide') ?? false;
  const [state, setState] = useState<State>('filed');
  const list = useLoad(
    () =>
      api<{ certifications: Certification[] }>(
        'GET',
        `/api/v1/employment-services/certifications${query(state === 'dueForReview' ? { dueForReview: true } : { state })}`,
      ),
    [state],
  );
  const [person, setPerson] = useState<FoundPerson>();
  const [refusing, setRefusing] = useState<Certification>();
  // Certifying someone the latest list no longer holds takes a reason on the record.
  const [overruling, setOverruling] = useState<Certification>();
  const [exiting, setExiting] = useState<Certification>();
  const [fileForm] = Form.useForm<{ category: string; evidence?: string }>();
  const [refuseForm] = Form.useForm<{ reason: string }>();
  const [overruleForm] = Form.useForm<{ reason: string }>();
  const [exitForm] = Form.useForm<{ exitedOn: string; reason: string }>();
  const submit = useSubmit();
  const act = useSubmit();

  const file = async (values: { category: string; evidence?: string }) => {
    if (!person) return;
    const body = { category: values.category, evidence: values.evidence?.trim() || undefined, personId: person.id };
    // Missing evidence for one no list holds is said under 证明材料, not below the form.
    const filed = await submit.run(() =>
      orOnFields(fileForm, () => api('POST', '/api/v1/employment-services/certifications', body)),
    );
    if (filed) {
      void message.success(t('employment.certifications.filed', { name: person.name }));
      fileForm.resetFields();
      setState('filed');
      list.reload();
    }
  };
  /** A step on one certification, said with whose and what it is now. */
  const done = (c: Certification, key: string) => {
    void message.success(t(key, { name: c.name ?? '' }));
    list.reload();
  };
  const decide = async (c: Certification, certify: boolean, reason?: string) => {
    if (
      await act.run(() =>
        api('POST', `/api/v1/employment-services/certifications/${c.id}/decision`, {
          certify,
          ...(reason ? { reason } : {}),
        }),
      )
    ) {
      setRefusing(undefined);
      setOverruling(undefined);
      done(c, certify ? 'employment.certifications.certified' : 'employment.certifications.refused');
    }
  };
  const review = async (c: Certification) => {
    const note = t('employment.certifications.reviewNote');
    if (await act.run(() => api('POST', `/api/v1/employment-services/certifications/${c.id}/review`, { note })))
      done(c, 'employment.certifications.reviewed');
  };
  const exit = async () => {
    const values = await validValues(exitForm);
    if (
      values &&
      exiting &&
      (await act.run(() => api('POST', `/api/v1/employment-services/certifications/${exiting.id}/exit`, values)))
    ) {
      setExiting(undefined);
      done(exiting, 'employment.certifications.exited');
    }
  };

  const certifications = list.data?.certifications ?? [];
  const columns = useCertificationColumns(
    certifications,
    mayDecide
      ? (c) =>
          c.state === 'filed' ? (
            <Tooltip title={c.filedByCaller ? t('employment.certifications.ownFiling') : undefined}>
              <Space>
                {c.listCheck && !c.listCheck.holds ? (
                  <Button size="small" type="primary" disabled={c.filedByCaller} onClick={() => setOverruling(c)}>
                    {t('employment.certifications.certify')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('employment.certifications.certifyAsk', {
                      name: c.name ?? '',
                      category: t(`employment.categories.${c.category}`),
                    })}
                    disabled={c.filedByCaller}
                    onConfirm={() => decide(c, true)}
                  >
                    <Button size="small" type="primary" disabled={c.filedByCaller}>
                      {t('employment.certifications.certify')}
                    </Button>
                  </Popconfirm>
                )}
                <Button size="small" danger disabled={c.filedByCaller} onClick={() => setRefusing(c)}>
                  {t('employment.certifications.refuse')}
                </Button>
              </Space>
            </Tooltip>
          ) : c.state === 'certified' ? (
            <Space>
              <Button size="small" onClick={() => void review(c)}>
                {t('employment.certifications.reviewPassed')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  exitForm.setFieldsValue({ exitedOn: today(), reason: 'employed' });
                  setExiting(c);
                }}
              >
                {t('employment.certifications.exit')}
              </Button>
            </Space>
          ) : null
      : undefined,
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('employment.certifications.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('employment.certifications.intro')}</Typography.Paragraph>
      {mayFile ? (
        <Card size="small" title={t('employment.certifications.file')}>
          <PersonLookup onFound={setPerson} />
          {person ? (
            <Form
              form={fileForm}
              layout="vertical"
              style={{ marginTop: 16, maxWidth: 640 }}
              onFinish={(v) => void file(v)}
            >
              <Form.Item name="category" label={t('employment.certifications.category')} rules={[{ required: true }]}>
                <Select
                  id="category"
                  options={CATEGORIES.map((c) => ({ value: c, label: t(`employment.categories.${c}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="evidence"
                label={t('employment.certifications.evidence')}
                extra={t('employment.certifications.evidenceHelp')}
              >
                <Input.TextArea id="evidence" maxLength={1000} rows={2} />
              </Form.Item>
              <ErrorAlert error={submit.error} />
              <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="certification-submit">
                {t('employment.certifications.submit')}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {/* Five views are wider than a phone: there they stand in a column, none out of sight. */}
      <Segmented
        orientation={screens.sm ? 'horizontal' : 'vertical'}
        value={state}
        onChange={(v) => setState(v)}
        options={STATES.map((s) => ({
          value: s,
          label: t(s === 'dueForReview' ? 'employment.certifications.dueForReview' : `employment.states.${s}`),
        }))}
      />
      <ErrorAlert error={list.error ?? act.error} />
      <StaffTable<Certification>
        emptyText={t('empty.certifications')}
        rowKey="id"
        loading={list.loading}
        rows={certifications}
        columns={columns}
        reload={list.reload}
        search={{
          placeholder: t('backOffice.lists.people'),
          texts: (c) => [c.name, c.idNumberMasked],
          testId: 'certifications-search',
        }}
        exportAs="certifications.xlsx"
        testId="certifications"
      />
      <Modal
        open={refusing !== undefined}
        title={t('employment.certifications.refuse')}
        onCancel={() => setRefusing(undefined)}
        okButtonProps={{ id: 'action-confirm', loading: act.busy }}
        destroyOnHidden
        onOk={() => void validValues(refuseForm).then((v) => v && refusing && decide(refusing, false, v.reason))}
      >
        <Form form={refuseForm} layout="vertical">
          <Form.Item name="reason" label={t('employment.certifications.refuseReason')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={overruling !== undefined}
        title={t('employment.certifications.certifyWithReason')}
        onCancel={() => setOverruling(undefined)}
        okButtonProps={{ id: 'action-confirm', loading: act.busy }}
        destroyOnHidden
        onOk={() => void validValues(overruleForm).then((v) => v && overruling && decide(overruling, true, v.reason))}
      >
        <Typography.Paragraph type="warning">{overruling ? listCheckText(t, overruling) : null}</Typography.Paragraph>
        <Form form={overruleForm} layout="vertical">
          <Form.Item name="reason" label={t('employment.certifications.certifyReason')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
        <ErrorAlert error={act.error} />
      </Modal>
      <Modal
        open={exiting !== undefined}
        title={t('employment.certifications.exit')}
        onCancel={() => setExiting(undefined)}
        onOk={() => void exit()}
        okButtonProps={{ id: 'action-confirm', loading: act.busy }}
        destroyOnHidden
      >
        <Form form={exitForm} layout="vertical">
          <Form.Item name="exitedOn" label={t('employment.certifications.exitedOn')} rules={[{ required: true }]}>
            <IsoDateInput />
          </Form.Item>
          <Form.Item name="reason" label={t('employment.certifications.exitReason')} rules={[{ required: true }]}>
            <Select options={EXIT_REASONS.map((r) => ({ value: r, label: t(`employment.exitReasons.${r}`) }))} />
          </Form.Item>
        </Form>
        <ErrorAlert error={act.error} />
      </Modal>
    </Space>
  );
}
