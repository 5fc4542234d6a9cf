import { ProTable, type ActionType, type ProFormInstance } from '@ant-design/pro-components';
import { Alert, Button, Empty, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant, punctuation } from '../../components/format.js';
import { exportRows, staffOptions, type StaffColumn } from '../../components/staff-table.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useSession } from '../../session/session.js';
import { ChangeLines, useAuditChanges } from './audit-changes.js';
import { isHyphenatedNumber } from './audit-fields.js';
import { useAuditLabels } from './audit-labels.js';
import { fetchPage, filterOf, type Filter, type Row } from './audit-query.js';

type ChainReport = paths['/api/v1/audit/verification']['get']['responses'][200]['content']['application/json'];

/** Subjects with a page of their own, opened from the trail. */
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  application: (id) => `#/applications/${id}`,
  person: (id) => `#/registry/people/${id}`,
  payment_batch: (id) => `#/finance/payments/${id}`,
  training_class: (id) => `#/training/classes/${id}`,
};

/** The server's page of entries, and the most one export gathers (ten pages of the route's largest). */
const PAGE = 50;
const EXPORT_PAGE = 500;
const EXPORT_MOST = 5_000;

/**
 * 审计日志: who did what to which record, newest first, in a ProTable: its search form narrows by
 * actor, action, subject and dates, each action and subject by its name; pages go newer and older
 * (the trail is paged by its sequence, not counted); the filtered entries export to Excel; and a
 * walk of the hash chain on request.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const labels = useAuditLabels();
  const { account } = useSession();
  const changesOf = useAuditChanges(useSubsidyNames(account?.regionCode ?? ''));
  const action = useRef<ActionType>(undefined);
  const form = useRef<ProFormInstance>(undefined);
  /** The seq each older page starts below; read by the request, so a new search starts at the newest. */
  const pagesRef = useRef<string[]>([]);
  const [pages, setPagesState] = useState<string[]>([]);
  const setPages = (next: string[]) => {
    pagesRef.current = next;
    setPagesState(next);
  };
  const [filter, setFilter] = useState<Filter>({});
  /** The record whose history is shown, read by the request like the older pages. */
  const recordRef = useRef<{ id: string; label: string }>(undefined);
  const [record, setRecordState] = useState<{ id: string; label: string }>();
  const setRecord = (next: { id: string; label: string } | undefined) => {
    recordRef.current = next;
    setRecordState(next);
  };
  const [rows, setRows] = useState<Row[]>([]);
  /** The name searched whole because more names contain it than a search takes: said above the rows. */
  const [wholeName, setWholeName] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [exporting, setExporting] = useState(false);
  // Closed again whenever other entries are shown: an open row belongs to the list it was opened in.
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  // The report is kept, not its sentence: switching the page's language says it again in the new one.
  const [verification, setVerification] = useState<ChainReport>();
  const [verifyError, setVerifyError] = useState<ApiError>();
  const verify = async () => {
    setVerifyError(undefined);
    try {
      setVerification(await api<ChainReport>('GET', '/api/v1/audit/verification'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setVerifyError(e);
    }
  };
  const actionOptions = useMemo(() => labels.actionOptions(), [labels]);
  const subjectOptions = useMemo(() => labels.subjectOptions(), [labels]);
  /** The record an entry is about: its kind, and its number or name. */
  const subjectText = (e: Row) => {
    if (!e.entityType) return '—';
    const kind = labels.subject(e.entityType);
    const name = e.entityId ? e.named.names[e.entityId.toLowerCase()] : undefined;
    return name ? `${kind} ${name}` : kind;
  };
  /** The same, opened where the record has a page. */
  const subjectOf = (e: Row) => {
    const name = e.entityId ? e.named.names[e.entityId.toLowerCase()] : undefined;
    const page = e.entityId ? SUBJECT_PAGES[e.entityType ?? ''] : undefined;
    if (!e.entityType || !name || !page || !e.entityId) return subjectText(e);
    return (
      <span>
        {labels.subject(e.entityType)}{' '}
        <a href={page(e.entityId)} className={isHyphenatedNumber(name) ? 'nowrap' : undefined}>
          {name}
        </a>
      </span>
    );
  };
  const actorText = (e: Row) =>
    [e.actorName ?? t('audit.system'), e.actorRoles?.map((r) => t(`roles.${r}`)).join(punctuation(i18n.language).list)]
      .filter(Boolean)
      .join(' ');
  const changeText = (e: Row) =>
    changesOf(e, e.named)
      .map(
        (c) =>
          `${c.label}: ${c.before !== undefined && c.after !== undefined ? `${c.before} → ${c.after}` : (c.after ?? c.before)}`,
      )
      .join('\n');
  /**
   * One record's whole story. The record is named above the list (its id is for the server, not for
   * a person to read in a search field) until the narrowing is closed or the form reset.
   */
  const history = (e: Row) => {
    if (!e.entityId) return;
    setRecord({ id: e.entityId, label: subjectText(e) });
    form.current?.resetFields();
    form.current?.setFieldsValue({ entityType: e.entityType });
    form.current?.submit();
  };
  const clearRecord = () => {
    setRecord(undefined);
    setPages([]);
    void action.current?.reload();
  };
  const columns: StaffColumn<Row>[] = [
    { title: '#', dataIndex: 'seq', key: 'seq', search: false, sheet: (e) => e.seq },
    {
      title: t('audit.at'),
      key: 'at',
      search: false,
      // On one line: in English the column is narrow enough to break the date at its hyphens. Not
      // sortable: the trail is read newest first a page at a time, and reordering the page shown
      // would read as reordering the trail.
      render: (_, e) => <span className="nowrap">{formatInstant(e.at)}</span>,
      sheet: (e) => formatInstant(e.at),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      key: 'actor',
      fieldProps: { placeholder: t('admin.audit.actor'), maxLength: 64, 'data-testid': 'audit-actor' },
      render: (_, e) => (
        <span>
          {e.actorName ?? t('audit.system')}
          {e.actorRoles?.length ? (
            <Typography.Text type="secondary">
              {' '}
              {e.actorRoles.map((r) => t(`roles.${r}`)).join(punctuation(i18n.language).list)}
            </Typography.Text>
          ) : null}
        </span>
      ),
      sheet: actorText,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      valueType: 'select',
      fieldProps: {
        options: actionOptions,
        showSearch: { optionFilterProp: 'label' },
        placeholder: t('admin.audit.action'),
        'data-testid': 'audit-action',
      },
      render: (_, e) => labels.action(e.action),
      sheet: (e) => labels.action(e.action),
    },
    {
      title: t('audit.outcome'),
      key: 'outcome',
      search: false,
      render: (_, e) => <Tag color={e.outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcomes.${e.outcome}`)}</Tag>,
      sheet: (e) => t(`audit.outcomes.${e.outcome}`),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entityType',
      key: 'entityType',
      valueType: 'select',
      fieldProps: { options: subjectOptions, placeholder: t('admin.audit.subject') },
      render: (_, e) => subjectOf(e),
      sheet: subjectText,
    },
    { title: t('admin.audit.dates'), dataIndex: 'dates', key: 'dates', valueType: 'dateRange', hideInTable: true },
    {
      title: t('admin.audit.changes'),
      key: 'changes',
      search: false,
      render: (_, e) => <ChangeLines changes={changesOf(e, e.named)} limit={3} />,
      sheet: changeText,
    },
    { title: 'IP', key: 'ip', search: false, render: (_, e) => e.ip ?? '—', sheet: (e) => e.ip ?? '' },
  ];
  /** Every entry the search finds, newest first, up to the export's limit, page by page. */
  const exportFiltered = async () => {
    setExporting(true);
    setError(undefined);
    try {
      const all: Row[] = [];
      let before: string | undefined;
      while (all.length < EXPORT_MOST) {
        const { rows: page } = await fetchPage(filter, before, EXPORT_PAGE);
        all.push(...page);
        if (page.length < EXPORT_PAGE) break;
        before = page[page.length - 1]?.seq;
      }
      await exportRows('audit.xlsx', columns, all);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setExporting(false);
    }
  };
  /** Back to the whole trail, newest first: the way out of a search that found nothing. */
  const resetSearch = () => {
    setRecord(undefined);
    form.current?.resetFields();
    form.current?.submit();
  };
  /**
   * Another page, read from the top: left to itself the window stayed where the buttons were, at the
   * bottom of the new page, or moved up only as far as the table shrank while it loaded.
   */
  const turnPage = () => {
    void action.current?.reload();
    window.scrollTo({ top: 0 });
  };
  const narrowed = record !== undefined || Object.values(filter).some((v) => v !== undefined);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      {verification ? (
        <Alert
          type={verification.intact ? 'success' : 'error'}
          showIcon
          title={
            verification.firstBreak
              ? t('audit.chainBroken', {
                  seq: verification.firstBreak.seq,
                  problem: t(`audit.chainProblems.${verification.firstBreak.problem}`),
                })
              : t('audit.chainIntact', { count: verification.entries })
          }
          data-testid="audit-verification"
        />
      ) : null}
      <ErrorAlert error={error ?? verifyError} />
      {wholeName ? (
        <Alert
          type="info"
          showIcon
          title={t('admin.audit.wholeNameOnly', { name: wholeName })}
          data-testid="audit-whole-name"
        />
      ) : null}
      <ProTable<Row, Record<string, unknown>>
        size="small"
        rowKey="seq"
        actionRef={action}
        formRef={form}
        columns={columns}
        dateFormatter="string"
        scroll={{ x: true }}
        pagination={false}
        locale={{
          // A refused search says why above the table; "nothing matches" would say it was run.
          emptyText: error ? (
            <span />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={narrowed ? t('admin.audit.noneFiltered') : t('admin.audit.none')}
              data-testid="audit-empty"
            >
              {narrowed ? (
                <Button size="small" onClick={resetSearch} data-testid="audit-empty-reset">
                  {t('admin.audit.reset')}
                </Button>
              ) : null}
            </Empty>
          ),
        }}
        options={staffOptions(() => void action.current?.reload())}
        onSubmit={() => setPages([])}
        onReset={() => {
          setPages([]);
          setRecord(undefined);
        }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          optionRender: (_config, { form: searchForm }) => [
            <Button
              key="reset"
              onClick={() => {
                setRecord(undefined);
                searchForm?.resetFields();
                searchForm?.submit();
              }}
            >
              {t('admin.audit.reset')}
            </Button>,
            <Button key="search" type="primary" onClick={() => searchForm?.submit()} data-testid="audit-search">
              {t('admin.audit.query')}
            </Button>,
          ],
        }}
        request={async (params) => {
          const next = { ...filterOf(params), entityId: recordRef.current?.id };
          try {
            const { rows: page, wholeNameOnly } = await fetchPage(
              next,
              pagesRef.current[pagesRef.current.length - 1],
              PAGE,
            );
            setWholeName(wholeNameOnly ? next.actor : undefined);
            setError(undefined);
            setFilter(next);
            setRows(page);
            setExpanded([]);
            return { data: page, success: true };
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            // The last search's rows would read as this one's answer, and could be paged on from.
            setError(e);
            setWholeName(undefined);
            setRows([]);
            setExpanded([]);
            return { data: [], success: true };
          }
        }}
        headerTitle={
          record ? (
            <Tag closable onClose={clearRecord} data-testid="audit-record">
              {t('admin.audit.history')}
              {punctuation(i18n.language).colon}
              {record.label}
            </Tag>
          ) : undefined
        }
        toolBarRender={() => [
          <Button key="verify" onClick={() => void verify()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>,
          <Button key="export" loading={exporting} onClick={() => void exportFiltered()} data-testid="audit-export">
            {t('common.exportExcel')}
          </Button>,
        ]}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          rowExpandable: (e) => changesOf(e, e.named).length > 0 || e.entityId !== undefined,
          expandedRowRender: (e) => (
            <Space orientation="vertical" size={4}>
              <ChangeLines changes={changesOf(e, e.named)} />
              {e.entityId ? (
                <Button size="small" onClick={() => history(e)} data-testid={`audit-history-${e.seq}`}>
                  {t('admin.audit.history')}
                </Button>
              ) : null}
            </Space>
          ),
        }}
        data-testid="audit-table"
      />
      {/* No pager under a refused search or an empty first page: there is nothing to page through. */}
      {error === undefined && (rows.length > 0 || pages.length > 0) ? (
        <Space>
          <Button
            disabled={pages.length === 0}
            onClick={() => {
              setPages(pages.slice(0, -1));
              turnPage();
            }}
            data-testid="audit-newer"
          >
            {t('common.newer')}
          </Button>
          <Typography.Text data-testid="audit-page-number">
            {t('admin.audit.page', { n: pages.length + 1 })}
          </Typography.Text>
          <Button
            disabled={rows.length < PAGE}
            onClick={() => {
              setPages([...pages, rows[rows.length - 1]?.seq ?? '']);
              turnPage();
            }}
            data-testid="audit-older"
          >
            {t('common.older')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
