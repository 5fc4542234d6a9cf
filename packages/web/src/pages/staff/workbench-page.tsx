import { ProTable, type ActionType, type ProFormInstance } from '@ant-design/pro-components';
import { App, Badge, Button, Card, Col, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download } from '../../api/client.js';
import type { Application, paths, Permission } from '../../api/schema.js';
import { serverPage } from '../../components/server-page.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { REASON_REQUIRED } from '../applications/actions-panel.js';
import { useWorklistColumns } from './worklist-columns.js';
import { fetchWorklist, savePosition, worklistExportPath, type WorklistFilter } from './worklist.js';

type QueueEntry =
  paths['/api/v1/applications/queue']['get']['responses'][200]['content']['application/json']['queue'][number];

/** The action a state is worked with, when it needs no reason and can be done for many at once. */
const BATCH_ACTION: Record<string, string> = {
  submitted: 'accept',
  accepted: 'review',
  reviewed: 'approve',
  approved: 'release',
  publicised: 'release',
};
const QUEUE_PERMISSIONS: Permission[] = [
  'application:accept',
  'application:review',
  'application:approve',
  'application:pay',
];
const PAGE_SIZE = 20;

type View = NonNullable<WorklistFilter['view']>;

/**
 * 工作台: the account's queues with counts and overdue marks above one server-side list of every
 * application it may see — my queue, what I processed, or all — searched by name, ID number or
 * application number, filtered by subsidy, state, region and submission dates, sorted, paged,
 * exported to Excel as filtered, and worked in batches. Each row shows the amount the engine decided.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const hasQueue = can(...QUEUE_PERMISSIONS);
  const queue = useLoad(
    () =>
      hasQueue ? api<{ queue: QueueEntry[] }>('GET', '/api/v1/applications/queue') : Promise.resolve({ queue: [] }),
    [hasQueue],
  );
  const [view, setView] = useState<View>(hasQueue ? 'queue' : 'all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [publicityEndedOnly, setPublicityEndedOnly] = useState(false);
  const [lastFilter, setLastFilter] = useState<WorklistFilter>({});
  const [rows, setRows] = useState<Application[]>([]);
  /** The server counts up to 10,000 rows; beyond, the list says "at least". */
  const [atLeast, setAtLeast] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [batchError, setBatchError] = useState<ApiError>();
  const [listError, setListError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const action = useRef<ActionType>(undefined);
  const form = useRef<ProFormInstance>(undefined);
  const chosenState = lastFilter.state;
  // Claims past their publicity are released for payment together, whatever state the form names.
  const batchAction = lastFilter.publicityEnded ? 'release' : chosenState ? BATCH_ACTION[chosenState] : undefined;

  const runBatch = async () => {
    if (!batchAction) return;
    setBusy(true);
    setBatchError(undefined);
    let done = 0;
    const failures: { row: string; message: string }[] = [];
    for (const id of selected) {
      const a = rows.find((x) => x.id === id);
      if (!a) continue;
      try {
        await api('POST', `/api/v1/applications/${id}/transitions`, { action: batchAction, version: a.version });
        done++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failures.push({ row: a.number, message: e.message });
      }
    }
    if (failures.length > 0)
      setBatchError(
        new ApiError(
          409,
          'BATCH_PARTIAL',
          t('workbench.batchPartial', { done, failed: failures.length }),
          undefined,
          failures.map((f) => ({ column: f.row, message: f.message })),
        ),
      );
    else void message.success(t('workbench.batchDone', { done }));
    setSelected([]);
    setBusy(false);
    queue.reload();
    void action.current?.reload();
  };

  const columns = useWorklistColumns();

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('workbench.title')}</Typography.Title>
      <ErrorAlert error={queue.error} />
      {hasQueue ? (
        <Row gutter={[12, 12]}>
          {(queue.data?.queue ?? []).map((q) => (
            <Col xs={12} md={6} lg={4} key={q.state}>
              <Card
                size="small"
                hoverable
                onClick={() => {
                  setView('queue');
                  setSelected([]);
                  // The card chooses the state in the search form, so the form shows what is listed.
                  form.current?.setFieldsValue({ state: q.state });
                  form.current?.submit();
                }}
                style={{ borderColor: chosenState === q.state ? '#c8102e' : undefined }}
                data-testid={`queue-${q.state}`}
              >
                <Statistic title={t(`states.${q.state}`)} value={q.count} />
                {q.overdue > 0 ? (
                  <Badge color="red" text={t('workbench.overdueCount', { count: q.overdue })} />
                ) : (
                  <Typography.Text type="secondary">{t('workbench.noneOverdue')}</Typography.Text>
                )}
                {q.publicityEnded > 0 ? (
                  <Badge
                    color="green"
                    text={t('workbench.publicityEndedCount', { count: q.publicityEnded })}
                    data-testid="queue-publicity-ended"
                  />
                ) : null}
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <ErrorAlert error={listError ?? batchError} />
      <ProTable<Application, Record<string, unknown>>
        rowKey="id"
        actionRef={action}
        formRef={form}
        columns={columns}
        params={{ view, overdue: overdueOnly, publicityEnded: publicityEndedOnly }}
        dateFormatter="string"
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          searchText: t('backOffice.worklist.query'),
          resetText: t('backOffice.worklist.reset'),
        }}
        pagination={{
          defaultPageSize: PAGE_SIZE,
          showSizeChanger: true,
          showTotal: (n) =>
            atLeast ? t('backOffice.worklist.totalAtLeast', { count: n }) : t('common.total', { count: n }),
        }}
        options={{ density: true, reload: true, setting: true }}
        scroll={{ x: true }}
        // With a filter on, an empty list says what it looked for and when a claim will show; a
        // list that failed to load says so above it instead.
        {...((publicityEndedOnly || overdueOnly) && !listError
          ? {
              locale: {
                emptyText: t(publicityEndedOnly ? 'workbench.emptyPublicityEnded' : 'workbench.emptyOverdue'),
              },
            }
          : {})}
        request={async (params, sort) => {
          const [field, direction] = Object.entries(sort ?? {}).find(([, d]) => d) ?? [];
          const filter: WorklistFilter = {
            view,
            ...(overdueOnly ? { overdue: true } : {}),
            ...(publicityEndedOnly ? { publicityEnded: true } : {}),
            ...pickFilter(params),
            ...(field
              ? { sort: field as WorklistFilter['sort'], order: direction === 'descend' ? 'desc' : 'asc' }
              : {}),
          };
          const limit = params.pageSize ?? PAGE_SIZE;
          const offset = ((params.current ?? 1) - 1) * limit;
          return serverPage(async () => {
            const page = await fetchWorklist(filter, offset, limit);
            setListError(undefined);
            setLastFilter(filter);
            setRows(page.applications);
            setAtLeast(page.totalIsLowerBound);
            savePosition({ filter, offset, limit, total: page.total, ids: page.applications.map((a) => a.id) });
            return { data: page.applications, total: page.total };
          }, setListError);
        }}
        rowSelection={
          batchAction && !REASON_REQUIRED.has(batchAction)
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                // A row the caller may not act on (one she filed at the counter) cannot be picked; nor,
                // for acceptance, one the engine found ineligible, which is accepted on its own page
                // after its unmet conditions are shown and a reason given.
                getCheckboxProps: (row: Application) => ({
                  disabled:
                    !row.actions.includes(batchAction) || (batchAction === 'accept' && row.decidedStatus !== undefined),
                }),
              }
            : false
        }
        tableAlertRender={false}
        headerTitle={
          <Segmented<View>
            value={view}
            onChange={(v) => {
              setView(v);
              setSelected([]);
            }}
            options={(['queue', 'processed', 'all'] as const)
              .filter((v) => hasQueue || v === 'all')
              .map((v) => ({ value: v, label: t(`backOffice.worklist.views.${v}`) }))}
            data-testid="worklist-view"
          />
        }
        toolBarRender={() => [
          <Button
            key="overdue"
            type={overdueOnly ? 'primary' : 'default'}
            onClick={() => setOverdueOnly(!overdueOnly)}
            data-testid="overdue-only"
          >
            {t('workbench.overdueOnly')}
          </Button>,
          can('application:approve') ? (
            <Button
              key="publicity-ended"
              type={publicityEndedOnly ? 'primary' : 'default'}
              onClick={() => {
                setPublicityEndedOnly(!publicityEndedOnly);
                setSelected([]);
              }}
              data-testid="publicity-ended-only"
            >
              {t('workbench.publicityEndedOnly')}
            </Button>
          ) : null,
          batchAction && !REASON_REQUIRED.has(batchAction) ? (
            <Button
              key="batch"
              type="primary"
              disabled={selected.length === 0}
              loading={busy}
              onClick={() => void runBatch()}
              data-testid="batch-action"
            >
              {t('workbench.batch', { action: t(`actions.names.${batchAction}`), count: selected.length })}
            </Button>
          ) : null,
          <Button
            key="export"
            title={t('backOffice.worklist.exportLimit')}
            onClick={() => void download(worklistExportPath(lastFilter), 'applications.xlsx')}
            data-testid="worklist-export"
          >
            {t('backOffice.worklist.export')}
          </Button>,
        ]}
        data-testid="worklist"
      />
    </Space>
  );
}

/** The search form's values the server takes, without ProTable's own paging keys. */
function pickFilter(params: Record<string, unknown>): WorklistFilter {
  const text = (k: string) => (typeof params[k] === 'string' && params[k] !== '' ? (params[k] as string) : undefined);
  const out: WorklistFilter = {};
  for (const k of ['search', 'subsidy', 'state', 'region', 'submittedFrom', 'submittedTo'] as const) {
    const v = text(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
