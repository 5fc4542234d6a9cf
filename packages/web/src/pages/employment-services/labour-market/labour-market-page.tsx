import { Button, Card, Descriptions, Drawer, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, query } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { pick, punctuation } from '../../../components/format.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../../components/staff-table.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { useSession } from '../../../session/session.js';
import { EventsTab } from './events-tab.js';
import { GigStationsTab } from './gig-market.js';
import { ImportPostings } from './postings-import.js';
import {
  MatchReasons,
  PayText,
  PostingCard,
  PostingState,
  type Match,
  type Posting,
  type Referral,
  type Seeker,
} from './labour-common.js';

type State = Posting['state'];

/**
 * The bureau's labour-market desk (岗位与求职): review postings (publish, or return with a reason —
 * never one's own), the job seekers with their certificates, registration and assistance case, the
 * best postings for each with the reasons, and referrals (岗位推荐).
 */
export function LabourMarketPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const manages = account?.permissions.includes('labour-market:manage') ?? false;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('labour.staff.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'postings', label: t('labour.staff.postings'), children: <Postings manages={manages} /> },
          { key: 'seekers', label: t('labour.staff.seekers'), children: <Seekers /> },
          { key: 'referrals', label: t('labour.staff.referrals'), children: <Referrals /> },
          { key: 'gigs', label: t('gig.tab'), children: <GigStationsTab manages={manages} /> },
          { key: 'events', label: t('events.tab'), children: <EventsTab manages={manages} /> },
        ]}
      />
    </Space>
  );
}

function Postings({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State | undefined>('submitted');
  const list = useLoad(
    () => api<{ postings: Posting[] }>('GET', `/api/v1/labour-market/postings${query({ state })}`),
    [state],
  );
  const review = useSubmit();
  const [refusing, setRefusing] = useState<Posting>();
  const [reason, setReason] = useState('');
  const decide = async (p: Posting, publish: boolean) => {
    const body = publish ? { publish } : { publish, reason: reason.trim() };
    if (await review.run(() => api('POST', `/api/v1/labour-market/postings/${p.id}/review`, body))) {
      setRefusing(undefined);
      setReason('');
      list.reload();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="posting-state">{t('labour.staff.stateFilter')}</label>
        <Select<State | 'all'>
          id="posting-state"
          style={{ minWidth: 160 }}
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('labour.staff.all') },
            ...(['submitted', 'published', 'refused', 'withdrawn'] as const).map((s) => ({
              value: s,
              label: t(`labour.posting.states.${s}`),
            })),
          ]}
        />
        <Button
          onClick={() => void download(`/api/v1/labour-market/postings.xlsx${query({ state })}`, 'job-postings.xlsx')}
        >
          {t('common.exportExcel')}
        </Button>
        {manages ? <ImportPostings onImported={list.reload} /> : null}
      </Space>
      <ErrorAlert error={list.error ?? review.error} />
      {list.data?.postings.map((p) => (
        <Space key={p.id} orientation="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap>
            <PostingState posting={p} />
            {p.refusal ? <Typography.Text type="danger">{p.refusal}</Typography.Text> : null}
          </Space>
          <PostingCard
            posting={p}
            extra={
              manages && p.state === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" data-testid="publish" onClick={() => void decide(p, true)}>
                    {t('labour.staff.publish')}
                  </Button>
                  <Button size="small" danger data-testid="return" onClick={() => setRefusing(p)}>
                    {t('labour.staff.refuse')}
                  </Button>
                </Space>
              ) : null
            }
          />
        </Space>
      ))}
      <Modal
        open={refusing !== undefined}
        title={t('labour.staff.refuseReason')}
        onCancel={() => setRefusing(undefined)}
        onOk={() => refusing && void decide(refusing, false)}
        okButtonProps={{ disabled: reason.trim() === '', id: 'confirm-return' }}
      >
        <Typography.Paragraph type="secondary">{t('labour.staff.refuseReasonHint')}</Typography.Paragraph>
        <Input.TextArea
          id="return-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          rows={3}
        />
      </Modal>
    </Space>
  );
}

function Seekers() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => api<{ seekers: Seeker[] }>('GET', '/api/v1/labour-market/seekers'), []);
  const [open, setOpen] = useState<Seeker>();
  const col = useStaffColumns<Seeker>();
  const seekers = list.data?.seekers ?? [];
  const lang = i18n.language;
  const occupations = (x: Seeker) => x.occupations.map((o) => pick(o, lang)).join(punctuation(lang).list);
  const columns: StaffColumn<Seeker>[] = [
    col.text(t('labour.seeker.name'), 'name', (x) => x.name, { sorted: true }),
    col.choice(t('labour.seeker.region'), 'region', seekers, (x) => pick(x.regionName, lang), String),
    col.text(t('labour.seeker.occupations'), 'occupations', occupations, {
      render: (_, x) => x.occupations.map((o) => <Tag key={o.code}>{pick(o, lang)}</Tag>),
    }),
    col.money(t('labour.seeker.payMin'), 'payMin', (x) => x.payMinFen),
    col.text(
      t('labour.seeker.certificates'),
      'certificates',
      (x) => x.certificates.map((c) => c.occupation).join(punctuation(lang).list),
      {
        render: (_, x) => x.certificates.map((c, i) => <Tag key={i}>{c.occupation}</Tag>),
      },
    ),
    {
      title: t('labour.staff.matches'),
      key: 'matches',
      render: (_, x) => (
        <Button size="small" data-testid={`matches-${x.name}`} onClick={() => setOpen(x)}>
          {t('labour.staff.matches')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <ErrorAlert error={list.error} />
      <StaffTable<Seeker>
        emptyText={t('empty.seekers')}
        rowKey="id"
        loading={list.loading}
        rows={seekers}
        columns={columns}
        reload={list.reload}
        search={{ placeholder: t('backOffice.lists.people'), texts: (x) => [x.name], testId: 'seekers-search' }}
        exportAs="job-seekers.xlsx"
        testId="seekers"
      />
      <Drawer open={open !== undefined} size="large" onClose={() => setOpen(undefined)} title={open?.name}>
        {open ? <SeekerMatches seeker={open} /> : null}
      </Drawer>
    </>
  );
}

function SeekerMatches({ seeker }: { seeker: Seeker }) {
  const { t, i18n } = useTranslation();
  const full = useLoad(() => api<Seeker>('GET', `/api/v1/labour-market/seekers/${seeker.id}`), [seeker.id]);
  const matches = useLoad(
    () => api<{ matches: Match[] }>('GET', `/api/v1/labour-market/seekers/${seeker.id}/matches`),
    [seeker.id],
  );
  const refer = useSubmit();
  const [done, setDone] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const s = full.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={full.error ?? matches.error ?? refer.error} />
      {s ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('labour.seeker.certificates')}>
            {s.certificates.length === 0
              ? t('labour.seeker.noCertificates')
              : s.certificates
                  .map(
                    (c) => `${c.occupation}${c.level ? ` ${t(`labour.levels.${c.level}` as 'labour.levels.5')}` : ''}`,
                  )
                  .join(punctuation(i18n.language).list)}
          </Descriptions.Item>
          {s.unemployedSince ? (
            <Descriptions.Item label={t('labour.seeker.unemployedSince')}>{s.unemployedSince}</Descriptions.Item>
          ) : null}
          {s.assistanceCase ? (
            <Descriptions.Item label={t('labour.seeker.assistance')}>
              {t(`labour.caseKinds.${s.assistanceCase.kind}` as 'labour.caseKinds.graduate')}（
              {s.assistanceCase.openedOn}）
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('labour.seeker.skills')}>{s.skills}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Input
        id="refer-note"
        placeholder={t('labour.staff.referNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
      />
      {matches.data?.matches.map((m) =>
        m.posting ? (
          <Card
            key={m.posting.id}
            size="small"
            title={`${m.posting.title} · ${m.posting.organisationName}`}
            extra={
              done.has(m.posting.id) ? (
                <Tag color="green">{t('labour.staff.referred')}</Tag>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  data-testid="refer"
                  onClick={() => {
                    const postingId = m.posting?.id ?? '';
                    void refer
                      .run(() =>
                        api('POST', '/api/v1/labour-market/referrals', {
                          seekerId: seeker.id,
                          postingId,
                          note: note.trim(),
                        }),
                      )
                      .then((r) => r && setDone(new Set([...done, postingId])));
                  }}
                >
                  {t('labour.staff.refer')}
                </Button>
              )
            }
          >
            <Space orientation="vertical" size={4}>
              <Typography.Text>
                <PayText posting={m.posting} /> · {pick(m.posting.regionName, i18n.language)}
              </Typography.Text>
              <MatchReasons match={m} />
            </Space>
          </Card>
        ) : null,
      )}
    </Space>
  );
}

function Referrals() {
  const { t } = useTranslation();
  const list = useLoad(() => api<{ referrals: Referral[] }>('GET', '/api/v1/labour-market/referrals'), []);
  const col = useStaffColumns<Referral>();
  const referrals = list.data?.referrals ?? [];
  const stateName = (s: string) => t(`labour.referral.states.${s}`);
  const columns: StaffColumn<Referral>[] = [
    col.text(t('labour.referral.seeker'), 'seeker', (r) => r.seekerName, { sorted: true }),
    col.text(t('labour.referral.posting'), 'posting', (r) => r.postingTitle, { sorted: true }),
    col.choice(t('labour.staff.organisation'), 'organisation', referrals, (r) => r.organisationName, String),
    col.date(t('labour.referral.referredOn'), 'referredOn', (r) => r.referredOn),
    col.choice(t('labour.referral.state'), 'state', referrals, (r) => r.state, stateName, {
      render: (_, r) => <Tag>{stateName(r.state)}</Tag>,
    }),
    col.text(t('labour.referral.reason'), 'reason', (r) => r.reason),
  ];
  return (
    <>
      <ErrorAlert error={list.error} />
      <StaffTable<Referral>
        emptyText={t('empty.referrals')}
        rowKey="id"
        loading={list.loading}
        rows={referrals}
        columns={columns}
        reload={list.reload}
        search={{
          placeholder: t('backOffice.lists.referrals'),
          texts: (r) => [r.seekerName, r.postingTitle, r.organisationName],
          testId: 'referrals-search',
        }}
        exportAs="referrals.xlsx"
        testId="referrals"
      />
    </>
  );
}
