import { Button, Card, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { Sweep } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';

/**
 * 主动发现: the sweep decides everyone in the account's regions in the background. Its id is in the
 * address, so the page can be left and come back to (or bookmarked), and an interrupted sweep resumed.
 */
export function SweepsPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [params, setParams] = useSearchParams();
  const id = params.get('sweep');
  const [sweep, setSweep] = useState<Sweep>();
  const [error, setError] = useState<ApiError>();
  // The region's sweeps, so one interrupted or finished can be opened without its address.
  const history = useLoad(() => api<{ sweeps: Sweep[] }>('GET', '/api/v1/sweeps'), [sweep?.id, sweep?.state]);

  useEffect(() => {
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await api<Sweep>('GET', `/api/v1/sweeps/${id}`);
        if (!live) return;
        setSweep(s);
        if (s.state === 'running') timer = setTimeout(() => void poll(), 1000);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (live) setError(e);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  const act = async (path: string) => {
    setError(undefined);
    try {
      const s = await api<Sweep>('POST', path, {});
      setSweep(s);
      setParams({ sweep: s.id });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };

  const total = sweep ? sweep.peopleTotal + sweep.unitsTotal : 0;
  const done = sweep ? sweep.peopleDone + sweep.unitsDone : 0;
  const percent = total > 0 ? Math.floor((done * 100) / total) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('sweeps.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sweeps.intro')}</Typography.Paragraph>
      <Space>
        <Button
          type="primary"
          onClick={() => void act('/api/v1/sweeps')}
          disabled={sweep?.state === 'running'}
          data-testid="sweep-start"
        >
          {t('sweeps.start')}
        </Button>
        {/* Only an interrupted sweep has anything to resume; a finished one is 'done'. */}
        {sweep?.state === 'failed' ? (
          <Button onClick={() => void act(`/api/v1/sweeps/${sweep.id}/resumption`)} data-testid="sweep-resume">
            {t('sweeps.resume')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={error} />
      {sweep ? (
        <Card size="small">
          <Progress
            percent={percent}
            status={sweep.state === 'running' ? 'active' : sweep.state === 'done' ? 'success' : 'exception'}
          />
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('common.status')}>{t(`sweeps.states.${sweep.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('common.region')}>{regionName(sweep.regionCode)}</Descriptions.Item>
            <Descriptions.Item
              label={t('sweeps.people')}
            >{`${sweep.peopleDone} / ${sweep.peopleTotal}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('sweeps.units')}
            >{`${sweep.unitsDone} / ${sweep.unitsTotal}`}</Descriptions.Item>
            <Descriptions.Item label={t('sweeps.offers')}>{sweep.offersCreated}</Descriptions.Item>
            <Descriptions.Item label={t('sweeps.filed')}>{sweep.applicationsFiled}</Descriptions.Item>
            <Descriptions.Item label={t('sweeps.startedAt')}>{formatInstant(sweep.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sweeps.finishedAt')}>
              {sweep.finishedAt ? formatInstant(sweep.finishedAt) : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Card size="small" title={t('sweeps.history')}>
        <ErrorAlert error={history.error} />
        <Table<Sweep>
          size="small"
          rowKey="id"
          data-testid="sweep-history"
          loading={history.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('sweeps.none') }}
          dataSource={history.data?.sweeps ?? []}
          columns={[
            { title: t('sweeps.startedAt'), render: (_, s) => formatInstant(s.startedAt) },
            { title: t('common.region'), render: (_, s) => regionName(s.regionCode) },
            { title: t('common.status'), render: (_, s) => t(`sweeps.states.${s.state}`) },
            { title: t('sweeps.people'), align: 'right', render: (_, s) => `${s.peopleDone} / ${s.peopleTotal}` },
            { title: t('sweeps.offers'), align: 'right', dataIndex: 'offersCreated' },
            { title: t('sweeps.filed'), align: 'right', dataIndex: 'applicationsFiled' },
            {
              title: t('sweeps.finishedAt'),
              render: (_, s) => (s.finishedAt ? formatInstant(s.finishedAt) : '—'),
            },
            {
              title: t('common.actions'),
              render: (_, s) =>
                s.id === id ? null : (
                  <Button size="small" onClick={() => setParams({ sweep: s.id })} data-testid={`sweep-open-${s.id}`}>
                    {t('sweeps.open')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
