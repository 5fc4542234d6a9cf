import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  InputNumber,
  Segmented,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { IsoDateInput } from '../../../components/iso-date-input.js';
import { formatFen, pick } from '../../../components/format.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../../components/staff-table.js';
import { useLoad } from '../../../components/use-load.js';
import { useSubmit } from '../../../components/use-submit.js';
import { OpenStationForm, PostGigForm, RegisterWorkerForm } from './gig-forms.js';
import { PostingState } from './labour-common.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
type Station = Json<paths['/api/v1/labour-market/gig-stations']['get']['responses'][200]>['stations'][number];
export type Gig = Json<paths['/api/v1/labour-market/gigs']['get']['responses'][200]>['gigs'][number];
type Worker = Json<
  paths['/api/v1/labour-market/gig-stations/{id}/workers']['get']['responses'][200]
>['workers'][number];
type Figures = Json<paths['/api/v1/labour-market/gig-stations/{id}/figures']['get']['responses'][200]>;

/** A gig's pay, per day or per piece, in 元. */
export function GigPay({ gig }: { gig: Gig }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t(`gig.payPer.${gig.payUnit}`, {
        min: formatFen(gig.posting.payMinFen, i18n.language),
        max: formatFen(gig.posting.payMaxFen, i18n.language),
      })}
    </>
  );
}

/**
 * The public gig board (零工信息): reviewed gigs open today in the region, as cards that read on a phone.
 */
export function GigBoard({ region }: { region: string }) {
  const { t, i18n } = useTranslation();
  const board = useLoad(() => api<{ gigs: Gig[] }>('GET', `/api/v1/labour-market/gigs${query({ region })}`), [region]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="gig-board">
      <Typography.Title level={4}>{t('gig.board')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('gig.boardIntro')}</Typography.Paragraph>
      <ErrorAlert error={board.error} />
      {board.data?.gigs.length === 0 ? <Empty description={t('gig.boardNone')} /> : null}
      {board.data?.gigs.map((g) => (
        <Card key={g.posting.id} size="small" title={g.posting.title}>
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>
              <GigPay gig={g} />
            </Typography.Text>
            <Typography.Text>
              {g.posting.organisationName} · {pick(g.posting.regionName, i18n.language)} · {g.posting.place}
            </Typography.Text>
            {g.posting.requirements ? (
              <Typography.Text type="secondary">{g.posting.requirements}</Typography.Text>
            ) : null}
            <Typography.Text>{g.posting.contact}</Typography.Text>
            <Typography.Text type="secondary">{t('gig.validTo', { date: g.posting.validTo })}</Typography.Text>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

/**
 * The staff's gig stations (零工驿站): each station's gigs, its registered workers, a placement
 * recorded, and the month's service figures a region weighs its 就业创业服务补助 by.
 */
export function GigStationsTab({ manages }: { manages: boolean }) {
  const { t, i18n } = useTranslation();
  const stations = useLoad(() => api<{ stations: Station[] }>('GET', '/api/v1/labour-market/gig-stations'), []);
  const [chosen, setChosen] = useState<string>();
  const [opened, setOpened] = useState<string>();
  const station = stations.data?.stations.find((s) => s.id === (chosen ?? stations.data?.stations[0]?.id));
  const col = useStaffColumns<Station>();
  const stationColumns: StaffColumn<Station>[] = [
    col.text(t('gig.station'), 'name', (s) => s.name, { sorted: true }),
    col.text(t('labour.posting.region'), 'region', (s) => pick(s.regionName, i18n.language)),
    col.text(t('gig.operator'), 'operator', (s) => s.operatorName),
    col.text(t('gig.address'), 'address', (s) => s.address),
    col.date(t('gig.openedOn'), 'openedOn', (s) => s.openedOn),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {manages ? (
        <OpenStationForm
          onOpened={(name) => {
            setOpened(name);
            stations.reload();
          }}
        />
      ) : null}
      {opened ? (
        <Alert type="success" showIcon data-testid="done" title={t('gig.stationOpened', { name: opened })} />
      ) : null}
      <ErrorAlert error={stations.error} />
      <StaffTable<Station>
        rowKey="id"
        loading={stations.loading}
        rows={stations.data?.stations ?? []}
        columns={stationColumns}
        reload={stations.reload}
        pageSize={false}
        emptyText={t('gig.noStations')}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: station ? [station.id] : [],
          onChange: (keys) => setChosen(String(keys[0])),
        }}
        testId="gig-stations"
      />
      {station ? <StationDetail key={station.id} station={station} manages={manages} /> : null}
    </Space>
  );
}

function StationDetail({ station, manages }: { station: Station; manages: boolean }) {
  const { t } = useTranslation();
  const url = `/api/v1/labour-market/gig-stations/${station.id}`;
  const gigs = useLoad(() => api<{ gigs: Gig[] }>('GET', `${url}/gigs`), [url]);
  const workers = useLoad(() => api<{ workers: Worker[] }>('GET', `${url}/workers`), [url]);
  const [month, setMonth] = useState(() => shanghaiToday().slice(0, 7));
  // The subsidy is claimed for a year: the year's figures count each person once.
  const [byYear, setByYear] = useState(false);
  const period = byYear ? { year: Number(month.slice(0, 4)) } : { month };
  const figures = useLoad(() => api<Figures>('GET', `${url}/figures${query(period)}`), [url, month, byYear]);
  const [posted, setPosted] = useState(false);
  const { gigColumns, workerColumns } = useStationColumns(gigs.data?.gigs ?? []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={`${station.name} · ${t('gig.figures')}`}>
        <Space wrap align="center">
          <Segmented<'month' | 'year'>
            data-testid="figures-period"
            value={byYear ? 'year' : 'month'}
            onChange={(v) => setByYear(v === 'year')}
            options={[
              { value: 'month', label: t('gig.byMonth') },
              { value: 'year', label: t('gig.byYear') },
            ]}
          />
          {byYear ? (
            <>
              <label htmlFor="gig-year">{t('gig.year')}</label>
              <InputNumber
                id="gig-year"
                min={2000}
                max={2099}
                precision={0}
                value={Number(month.slice(0, 4))}
                onChange={(y) => y && setMonth(`${y}-${month.slice(5, 7)}`)}
              />
            </>
          ) : (
            <>
              <label htmlFor="gig-month">{t('gig.month')}</label>
              <IsoDateInput id="gig-month" month value={month} onChange={(m) => m && setMonth(m)} />
            </>
          )}
        </Space>
        <ErrorAlert error={figures.error} />
        {figures.data ? (
          <Space wrap size="large" style={{ marginTop: 12 }}>
            <Statistic title={t('gig.figurePostings')} value={figures.data.postings} />
            <Statistic title={t('gig.figureServed')} value={figures.data.workersServed} />
            <Statistic title={t('gig.figureMatches')} value={figures.data.matches} />
            <Statistic title={t('gig.figurePlaced')} value={figures.data.workersMatched} />
          </Space>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(byYear ? 'gig.figuresYearNote' : 'gig.figuresNote', { site: station.name })}
        </Typography.Paragraph>
      </Card>
      <ErrorAlert error={gigs.error ?? workers.error} />
      <Space wrap align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gig.gigs')}
        </Typography.Title>
        {manages ? (
          <PostGigForm
            stationId={station.id}
            regionCode={station.regionCode}
            onPosted={() => {
              setPosted(true);
              gigs.reload();
            }}
          />
        ) : null}
        {posted ? <Tag color="blue">{t('gig.gigPosted')}</Tag> : null}
      </Space>
      <StaffTable<Gig>
        emptyText={t('empty.gigs')}
        rowKey={(g) => g.posting.id}
        loading={gigs.loading}
        rows={gigs.data?.gigs ?? []}
        columns={gigColumns}
        reload={gigs.reload}
        search={{
          placeholder: t('backOffice.lists.gigs'),
          texts: (g) => [g.posting.title, g.posting.organisationName, g.posting.contact],
        }}
        exportAs={`${station.name}-gigs.xlsx`}
        testId="gigs"
      />
      <Space wrap align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gig.workers')}
        </Typography.Title>
        {manages ? <RegisterWorkerForm url={url} onRegistered={workers.reload} /> : null}
      </Space>
      <StaffTable<Worker>
        emptyText={t('empty.gigWorkers')}
        rowKey="id"
        loading={workers.loading}
        rows={workers.data?.workers ?? []}
        columns={workerColumns}
        reload={workers.reload}
        search={{ placeholder: t('backOffice.lists.people'), texts: (w) => [w.name, w.skills] }}
        exportAs={`${station.name}-workers.xlsx`}
        testId="gig-workers"
      />
      {manages ? (
        <MatchForm
          url={url}
          gigs={gigs.data?.gigs ?? []}
          workers={workers.data?.workers ?? []}
          onDone={figures.reload}
        />
      ) : null}
    </Space>
  );
}

function MatchForm({
  url,
  gigs,
  workers,
  onDone,
}: {
  url: string;
  gigs: Gig[];
  workers: Worker[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [done, setDone] = useState(false);
  return (
    <Card size="small" title={t('gig.match')}>
      <Form<{ postingId: string; workerId: string }>
        layout="inline"
        onFinish={async (v) => {
          setDone(false);
          if (await submit.run(() => api('POST', `${url}/matches`, { ...v, matchedOn: shanghaiToday() }))) {
            setDone(true);
            onDone();
          }
        }}
      >
        <Form.Item label={t('gig.matchGig')} name="postingId" rules={[{ required: true }]}>
          <Select
            id="gig-match-gig"
            style={{ minWidth: 220 }}
            options={gigs.filter((g) => g.posting.open).map((g) => ({ value: g.posting.id, label: g.posting.title }))}
          />
        </Form.Item>
        <Form.Item label={t('gig.matchWorker')} name="workerId" rules={[{ required: true }]}>
          <Select
            id="gig-match-worker"
            style={{ minWidth: 160 }}
            options={workers.map((w) => ({ value: w.id, label: w.name }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.busy}>
            {t('gig.match')}
          </Button>
        </Form.Item>
        {done ? <Tag color="green">{t('gig.matched')}</Tag> : null}
      </Form>
      <ErrorAlert error={submit.error} />
    </Card>
  );
}

/** Today in Asia/Shanghai, the bureau's calendar, as an ISO date. */
function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A station's gigs (by title, unit, pay, last day and state) and its registered workers. */
function useStationColumns(gigs: readonly Gig[]) {
  const { t } = useTranslation();
  const gig = useStaffColumns<Gig>();
  const worker = useStaffColumns<Worker>();
  const gigColumns: StaffColumn<Gig>[] = [
    gig.text(t('labour.posting.title'), 'title', (g) => g.posting.title, { sorted: true }),
    gig.choice(t('labour.staff.organisation'), 'organisation', gigs, (g) => g.posting.organisationName, String),
    {
      title: t('gig.pay'),
      key: 'pay',
      render: (_, g) => <GigPay gig={g} />,
      sorter: (a, b) => a.posting.payMinFen - b.posting.payMinFen,
    },
    // The sheet has the pay as two amounts of 元 (their titles say so), not the sentence shown.
    ...(['payMin', 'payMax'] as const).map((k) =>
      gig.money(t(`gig.${k}`), k, (g) => g.posting[`${k}Fen`], { hideInTable: true, sheetTitle: t(`gig.${k}`) }),
    ),
    gig.date(t('gig.validToColumn'), 'validTo', (g) => g.posting.validTo),
    gig.choice(
      t('labour.staff.stateFilter'),
      'state',
      gigs,
      (g) => g.posting.state,
      (s) => t(`labour.posting.states.${s}`),
      { render: (_, g) => <PostingState posting={g.posting} /> },
    ),
  ];
  const workerColumns: StaffColumn<Worker>[] = [
    worker.text(t('gig.workerName'), 'name', (w) => w.name, { sorted: true }),
    worker.text(t('gig.skills'), 'skills', (w) => w.skills),
    worker.date(t('gig.registeredOn'), 'registeredOn', (w) => w.registeredOn),
  ];
  return { gigColumns, workerColumns };
}
