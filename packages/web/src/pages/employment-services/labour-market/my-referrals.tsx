import { App, Button, Card, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { punctuation } from '../../../components/format.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { PostingCard } from './labour-common.js';

type OwnReferrals =
  paths['/api/v1/labour-market/my-profile/referrals']['get']['responses'][200]['content']['application/json'];
type OwnReferral = OwnReferrals['referrals'][number];

const STATE_COLOURS: Record<OwnReferral['state'], string> = {
  referred: 'blue',
  interview: 'gold',
  hired: 'green',
  refused: 'default',
  declined: 'default',
};

/**
 * The jobs the employment service referred the person to (岗位推荐): what happens next, the job as
 * it is now, and a way to say no with a reason while the employer has not yet hired or refused.
 */
export function MyReferrals() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useLoad(() => api<OwnReferrals>('GET', '/api/v1/labour-market/my-profile/referrals'), []);
  const [declining, setDeclining] = useState<OwnReferral>();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useSubmit();
  const close = () => {
    setDeclining(undefined);
    decline.fail(undefined);
    form.resetFields();
  };
  const submit = async ({ reason }: { reason: string }) => {
    if (!declining) return;
    const done = await decline.run(() =>
      api<OwnReferral>('POST', `/api/v1/labour-market/my-profile/referrals/${declining.id}/decline`, {
        reason: reason.trim(),
      }),
    );
    // Answered meanwhile (the employer hired or refused): the list shows it as it now is.
    if (!done) return list.reload();
    void message.success(t('labour.myReferrals.declined', { title: done.postingTitle }));
    close();
    list.reload();
  };
  const referrals = list.data?.referrals ?? [];
  return (
    <Card size="small" title={t('labour.myReferrals.title')} data-testid="my-referrals">
      <ErrorAlert error={list.error} />
      {!list.loading && referrals.length === 0 ? <Empty description={t('labour.myReferrals.none')} /> : null}
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {referrals.map((r) => (
          <ReferralItem key={r.id} referral={r} onDecline={() => setDeclining(r)} />
        ))}
      </Space>
      <Modal
        open={declining !== undefined}
        title={declining ? t('labour.myReferrals.declineTitle', { title: declining.postingTitle }) : null}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('labour.myReferrals.decline')}
        okButtonProps={{ id: 'decline-confirm', danger: true, loading: decline.busy }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            label={t('labour.myReferrals.declineReason')}
            name="reason"
            extra={t('labour.myReferrals.declineHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea id="decline-reason" maxLength={500} rows={3} />
          </Form.Item>
        </Form>
        <ErrorAlert error={decline.error} />
      </Modal>
    </Card>
  );
}

function ReferralItem({ referral: r, onDecline }: { referral: OwnReferral; onDecline: () => void }) {
  const { t, i18n } = useTranslation();
  const colon = punctuation(i18n.language).colon;
  const open = r.state === 'referred' || r.state === 'interview';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid={`referral-${r.state}`}>
      <Space wrap size={8}>
        <Tag color={STATE_COLOURS[r.state]}>{t(`labour.myReferrals.states.${r.state}`)}</Tag>
        <Typography.Text type="secondary">{t('labour.myReferrals.referredOn', { date: r.referredOn })}</Typography.Text>
        {open && !r.posting.open ? (
          <Typography.Text type="warning">{t('labour.myReferrals.closed')}</Typography.Text>
        ) : null}
      </Space>
      {open ? <Typography.Text>{t(`labour.myReferrals.next.${r.state}`)}</Typography.Text> : null}
      {r.note ? (
        <Typography.Text type="secondary">
          {t('labour.myReferrals.note')}
          {colon}
          {r.note}
        </Typography.Text>
      ) : null}
      {r.reason ? (
        <Typography.Text type="secondary">
          {t('labour.myReferrals.unitReason')}
          {colon}
          {r.reason}
        </Typography.Text>
      ) : null}
      {r.declinedReason ? (
        <Typography.Text type="secondary">
          {t('labour.myReferrals.yourReason')}
          {colon}
          {r.declinedReason}
        </Typography.Text>
      ) : null}
      <PostingCard
        posting={r.posting}
        extra={
          open ? (
            <Button size="small" onClick={onDecline} data-testid="decline-referral">
              {t('labour.myReferrals.decline')}
            </Button>
          ) : null
        }
      />
    </Space>
  );
}
