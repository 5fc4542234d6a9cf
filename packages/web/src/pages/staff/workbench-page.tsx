import { App, Badge, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, query } from '../../api/client.js';
import type { Application } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, pick } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { REASON_REQUIRED } from '../applications/actions-panel.js';
import { StateTag } from '../applications/state-tag.js';

interface QueueEntry {
  state: string;
  count: number;
  overdue: number;
  noDeadline: number;
}

/** The action a queue's state is worked with, when it needs no reason and can be done for many at once. */
const BATCH_ACTION: Record<string, string> = { submitted: 'accept', accepted: 'review', reviewed: 'approve', approved: 'release', publicised: 'release' };

/**
 * 工作台: the account's queue per state with counts and overdue marks, the applications of one
 * state soonest deadline first, and the same action for several at once.
 */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const regionName = useRegionName();
  const queue = useLoad(() => api<{ queue: QueueEntry[] }>('GET', '/api/v1/applications/queue'), []);
  const [state, setState] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const active = state ?? queue.data?.queue.find((q) => q.count > 0)?.state ?? queue.data?.queue[0]?.state;
  const list = useLoad(
    () => (active ? api<{ total: number; applications: Application[] }>('GET', `/api/v1/applications${query({ state: active, overdue: overdueOnly || undefined, limit: 20, offset: (page - 1) * 20 })}`) : Promise.resolve({ total: 0, applications: [] })),
    [active, overdueOnly, page],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [batchError, setBatchError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const batchAction = active ? BATCH_ACTION[active] : undefined;

  const runBatch = async () => {
    if (!batchAction) return;
    setBusy(true);
    setBatchError(undefined);
    let done = 0;
    const failures: { row: string; message: string }[] = [];
    for (const id of selected) {
      const a = list.data?.applications.find((x) => x.id === id);
      if (!a) continue;
      try {
        await api('POST', `/api/v1/applications/${id}/transitions`, { action: batchAction, version: a.version });
        done++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failures.push({ row: a.number, message: e.message });
      }
    }
    if (failures.length > 0) setBatchError(new ApiError(409, 'BATCH_PARTIAL', t('workbench.batchPartial', { done, failed: failures.length }), undefined, failures.map((f) => ({ column: f.row, message: f.message }))));
    else void message.success(t('workbench.batchDone', { done }));
    setSelected([]);
    setBusy(false);
    queue.reload();
    list.reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('workbench.title')}</Typography.Title>
      <ErrorAlert error={queue.error} />
      <Row gutter={[12, 12]}>
        {(queue.data?.queue ?? []).map((q) => (
          <Col xs={12} md={6} lg={4} key={q.state}>
            <Card
              size="small"
              hoverable
              onClick={() => {
                setState(q.state);
                setPage(1);
                setSelected([]);
              }}
              style={{ borderColor: active === q.state ? '#1677ff' : undefined }}
              data-testid={`queue-${q.state}`}
            >
              <Statistic title={t(`states.${q.state}`)} value={q.count} />
              {q.overdue > 0 ? <Badge color="red" text={t('workbench.overdueCount', { count: q.overdue })} /> : <Typography.Text type="secondary">{t('workbench.noneOverdue')}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap>
        <Button type={overdueOnly ? 'primary' : 'default'} onClick={() => { setOverdueOnly(!overdueOnly); setPage(1); }}>
          {t('workbench.overdueOnly')}
        </Button>
        {batchAction && !REASON_REQUIRED.has(batchAction) ? (
          <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void runBatch()} data-testid="batch-action">
            {t('workbench.batch', { action: t(`actions.names.${batchAction}`), count: selected.length })}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={list.error ?? batchError} />
      <Table<Application>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.applications ?? []}
        rowSelection={batchAction ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        scroll={{ x: true }}
        columns={[
          { title: t('application.number'), render: (_, a) => <Link to={`/applications/${a.id}`}>{a.number}</Link> },
          { title: t('application.subsidy'), render: (_, a) => pick(a.subsidyName, lang) },
          { title: t('application.applicant'), render: (_, a) => `${a.applicant.name} ${a.applicant.identifier}` },
          { title: t('common.region'), render: (_, a) => regionName(a.regionCode) },
          { title: t('common.status'), render: (_, a) => <StateTag application={a} /> },
          { title: t('application.dueOn'), render: (_, a) => (a.dueOn ? <span>{a.dueOn} {a.overdue ? <Tag color="red">{t('application.overdue')}</Tag> : null}</span> : '—') },
          { title: t('application.amount'), align: 'right', render: (_, a) => (a.amountFen !== undefined ? formatFen(a.amountFen, lang) : '—') },
        ]}
      />
    </Space>
  );
}
