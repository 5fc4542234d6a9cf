import { App, Button, Card, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';
import { useSubmit } from '../../components/use-submit.js';
import { useSession } from '../../session/session.js';

type Assigned = paths['/api/v1/spot-checks/assigned']['get']['responses'][200]['content']['application/json'];
type Inspection = Assigned['inspections'][number];
type Outcome = NonNullable<Inspection['outcome']>;

/**
 * 我的抽查任务: the items of every draw given to the caller to inspect, open ones first, each
 * recorded here once (the server keeps the first outcome and refuses a second).
 */
export function MyInspections() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { account } = useSession();
  const regionName = useRegionName();
  const subsidyName = useSubsidyNames(account?.regionCode ?? '');
  const list = useLoad(() => api<Assigned>('GET', '/api/v1/spot-checks/assigned'), []);
  const [recording, setRecording] = useState<Inspection>();
  const [form] = Form.useForm<{ outcome: Outcome; note: string }>();
  const save = useSubmit();
  const close = () => {
    setRecording(undefined);
    save.fail(undefined);
    form.resetFields();
  };
  const submit = async ({ outcome, note }: { outcome: Outcome; note: string }) => {
    if (!recording) return;
    const done = await save.run(() =>
      api('POST', `/api/v1/spot-checks/${recording.spotCheckId}/items/${recording.itemId}/outcome`, {
        outcome,
        note: note.trim(),
      }),
    );
    // Refused (recorded meanwhile, or no longer this inspector's): the list shows it as it now is.
    if (!done) return list.reload();
    void message.success(t('spotChecks.mine.recorded', { number: recording.applicationNumber }));
    close();
    list.reload();
  };
  const inspections = list.data?.inspections ?? [];
  const openListed = inspections.filter((i) => !i.outcome).length;
  const openInAll = list.data?.open ?? 0;
  return (
    <Card size="small" title={t('spotChecks.mine.title')} data-testid="my-inspections">
      <Typography.Paragraph type="secondary">{t('spotChecks.mine.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      {openInAll > openListed ? (
        // A long backlog is listed oldest first, and says how much more there is.
        <Typography.Paragraph type="warning" data-testid="my-inspections-more">
          {t('spotChecks.mine.more', { total: openInAll, listed: openListed })}
        </Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey="itemId"
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={inspections}
        locale={{ emptyText: t('spotChecks.mine.none') }}
        columns={[
          { title: t('spotChecks.period'), dataIndex: 'period' },
          { title: t('spotChecks.region'), render: (_, i) => regionName(i.regionCode) },
          {
            title: t('spotChecks.items.application'),
            render: (_, i) => <Link to={`/applications/${i.applicationId}`}>{i.applicationNumber}</Link>,
          },
          { title: t('spotChecks.mine.subsidy'), render: (_, i) => subsidyName(i.subsidy) },
          {
            title: t('spotChecks.items.outcome'),
            render: (_, i) =>
              i.outcome ? (
                <>
                  {t(`spotChecks.outcomes.${i.outcome}`)}
                  {i.note ? <Typography.Paragraph type="secondary">{i.note}</Typography.Paragraph> : null}
                </>
              ) : (
                <Button size="small" onClick={() => setRecording(i)} data-testid={`inspect-${i.itemId}`}>
                  {t('spotChecks.mine.record')}
                </Button>
              ),
          },
          {
            title: t('spotChecks.mine.recordedAt'),
            render: (_, i) => (i.recordedAt ? formatInstant(i.recordedAt) : t('spotChecks.outcomes.pending')),
          },
        ]}
      />
      <Modal
        open={recording !== undefined}
        title={recording ? t('spotChecks.mine.recordTitle', { number: recording.applicationNumber }) : null}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('spotChecks.mine.record')}
        okButtonProps={{ id: 'inspection-save', loading: save.busy }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            label={t('spotChecks.mine.outcome')}
            name="outcome"
            rules={[{ required: true, message: t('spotChecks.mine.outcomeMissing') }]}
          >
            <Radio.Group
              id="inspection-outcome"
              options={(['no-problem', 'problem-found'] as const).map((o) => ({
                value: o,
                label: t(`spotChecks.outcomes.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('spotChecks.mine.note')}
            name="note"
            extra={t('spotChecks.mine.noteHelp')}
            // As the server counts it: the note is sent trimmed, and must say at least two characters.
            rules={[
              { required: true, whitespace: true, message: t('spotChecks.mine.noteMissing') },
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || v.trim().length >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('spotChecks.mine.noteShort'))),
              },
            ]}
          >
            <Input.TextArea id="inspection-note" maxLength={2000} showCount rows={4} />
          </Form.Item>
        </Form>
        <ErrorAlert error={save.error} />
      </Modal>
    </Card>
  );
}
