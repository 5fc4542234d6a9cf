import { App, Button, Card, Empty, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { punctuation, todayInShanghai } from '../../../components/format.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { PostingCard, PostingState, type Posting, type Referral } from './labour-common.js';
import { PostingForm, type PostingFields } from './posting-form.js';

/**
 * A unit's own jobs (本单位岗位): post one for review, correct one that was returned, withdraw one;
 * and answer the job seekers the bureau referred (an interview, a hire — which registers the
 * employment — or a refusal with its reason).
 */
export function MyPostingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const postings = useLoad(() => api<{ postings: Posting[] }>('GET', '/api/v1/labour-market/my-postings'), []);
  const referrals = useLoad(() => api<{ referrals: Referral[] }>('GET', '/api/v1/labour-market/my-referrals'), []);
  const post = useSubmit();
  const act = useSubmit();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Posting>();
  const [refusing, setRefusing] = useState<Referral>();
  const [reason, setReason] = useState('');

  const submit = async (fields: PostingFields) => {
    const done = editing
      ? await post.run(() => api<Posting>('PUT', `/api/v1/labour-market/my-postings/${editing.id}`, fields))
      : await post.run(() => api<Posting>('POST', '/api/v1/labour-market/my-postings', fields));
    if (done) {
      setCreating(false);
      setEditing(undefined);
      postings.reload();
    }
  };
  const answer = async (r: Referral, body: Record<string, string>) => {
    if (await act.run(() => api('POST', `/api/v1/labour-market/my-referrals/${r.id}/answer`, body))) {
      void message.success(t(`labour.mine.answered.${body.answer}`, { name: r.seekerName }));
      setRefusing(undefined);
      setReason('');
      referrals.reload();
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('labour.mine.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('labour.mine.intro')}</Typography.Paragraph>
      {creating || editing ? (
        <Card size="small" title={editing ? t('labour.mine.correct') : t('labour.mine.post')}>
          <PostingForm
            key={editing?.id ?? 'new'}
            {...(editing ? { initial: editing } : {})}
            onSubmit={(f) => void submit(f)}
            busy={post.busy}
            error={post.error}
            submitLabel={editing ? t('labour.mine.correct') : t('labour.mine.submit')}
            onCancel={() => {
              setCreating(false);
              setEditing(undefined);
              post.fail(undefined);
            }}
          />
        </Card>
      ) : (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-posting">
          {t('labour.mine.post')}
        </Button>
      )}
      <ErrorAlert error={postings.error ?? act.error} />
      {postings.data?.postings.length === 0 ? <Empty description={t('labour.mine.none')} /> : null}
      {postings.data?.postings.map((p) => (
        <Space key={p.id} orientation="vertical" style={{ width: '100%' }} size={4} data-testid="my-posting">
          <Space wrap>
            <PostingState posting={p} />
            {/* Beside the state, not in the card's title, where a phone's width cut the pay short. */}
            {p.state === 'withdrawn' ? null : (
              <>
                <Button size="small" onClick={() => setEditing(p)} data-testid="correct-posting">
                  {p.state === 'refused' ? t('labour.mine.correct') : t('labour.mine.edit')}
                </Button>
                {/* A withdrawn job cannot be reopened: asked first, naming it. */}
                <Popconfirm
                  title={t('labour.mine.withdrawAsk', { title: p.title })}
                  okButtonProps={{ id: 'action-confirm', danger: true }}
                  onConfirm={async () => {
                    if (await act.run(() => api('POST', `/api/v1/labour-market/my-postings/${p.id}/withdrawal`))) {
                      void message.success(t('labour.mine.withdrawn', { title: p.title }));
                      postings.reload();
                    }
                  }}
                >
                  <Button size="small" danger data-testid="withdraw-posting">
                    {t('labour.mine.withdraw')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
          {p.refusal ? (
            <Typography.Text type="danger" data-testid="refusal">
              {t('labour.posting.refusal')}
              {punctuation(i18n.language).colon}
              {p.refusal}
            </Typography.Text>
          ) : null}
          <PostingCard posting={p} />
        </Space>
      ))}
      <Card size="small" title={t('labour.mine.referrals')}>
        <Table<Referral>
          size="small"
          rowKey="id"
          scroll={{ x: true }}
          loading={referrals.loading}
          dataSource={referrals.data?.referrals ?? []}
          locale={{ emptyText: t('labour.mine.noReferrals') }}
          columns={[
            { title: t('labour.referral.seeker'), dataIndex: 'seekerName' },
            { title: t('labour.referral.posting'), dataIndex: 'postingTitle' },
            { title: t('labour.referral.referredOn'), dataIndex: 'referredOn' },
            { title: t('labour.referral.note'), dataIndex: 'note' },
            {
              title: t('labour.referral.state'),
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Tag>{t(`labour.referral.states.${r.state}`)}</Tag>
                  {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
                  {r.declinedReason ? (
                    <Typography.Text type="secondary">
                      {t('labour.referral.seekerSays', { reason: r.declinedReason })}
                    </Typography.Text>
                  ) : null}
                  {r.registrationId ? (
                    <Typography.Text type="success" data-testid="registered">
                      {t('labour.mine.registered')}
                    </Typography.Text>
                  ) : null}
                  {r.registrationError ? (
                    <Typography.Text type="warning">{t('labour.mine.notRegistered')}</Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('labour.mine.answer'),
              render: (_, r) =>
                r.state === 'referred' || r.state === 'interview' ? (
                  <Space wrap>
                    {r.state === 'referred' ? (
                      <Button size="small" onClick={() => void answer(r, { answer: 'interview' })}>
                        {t('labour.mine.interview')}
                      </Button>
                    ) : null}
                    {/* Hiring registers the person employed (就业登记): asked first, saying so. */}
                    <Popconfirm
                      title={t('labour.mine.hireAsk', { name: r.seekerName, title: r.postingTitle })}
                      okButtonProps={{ id: 'action-confirm' }}
                      onConfirm={() => answer(r, { answer: 'hired', hiredOn: todayInShanghai() })}
                    >
                      <Button size="small" type="primary" data-testid="hire">
                        {t('labour.mine.hire')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => setRefusing(r)}>
                      {t('labour.mine.refuse')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={refusing !== undefined}
        title={t('labour.mine.refuseReason')}
        onCancel={() => setRefusing(undefined)}
        onOk={() => refusing && void answer(refusing, { answer: 'refused', reason: reason.trim() })}
        okButtonProps={{ disabled: reason.trim() === '' }}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
      </Modal>
    </Space>
  );
}
