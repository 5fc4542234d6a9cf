import { Alert, Button, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../api/client.js';
import type { AuditEntry } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useSession } from '../../session/session.js';
import { ChangeLines, useAuditChanges, type AuditNames } from './audit-changes.js';
import { useAuditLabels } from './audit-labels.js';

/** Subjects with a page of their own, opened from the trail. */
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  application: (id) => `#/applications/${id}`,
  person: (id) => `#/registry/people/${id}`,
  payment_batch: (id) => `#/finance/payments/${id}`,
  training_class: (id) => `#/training/classes/${id}`,
};

interface Filter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/**
 * 审计日志: who did what to which record, newest first, narrowed by actor, action, subject and
 * dates, each action and subject by its name; and a walk of the hash chain on request.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const { account } = useSession();
  const changesOf = useAuditChanges(useSubsidyNames(account?.regionCode ?? ''));
  const [draft, setDraft] = useState<Filter>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [pages, setPages] = useState<string[]>([]);
  // Closed again whenever other entries are shown: an open row belongs to the list it was opened in.
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const before = pages[pages.length - 1];
  useEffect(() => setExpanded([]), [filter, before]);
  const { data, error, loading } = useLoad(
    () => api<{ entries: AuditEntry[] } & AuditNames>('GET', `/api/v1/audit${query({ ...filter, before, limit: 50 })}`),
    [filter, before],
  );
  const [verification, setVerification] = useState<{ ok: boolean; text: string }>();
  const [verifyError, setVerifyError] = useState<ApiError>();
  const verify = async () => {
    setVerifyError(undefined);
    try {
      const r = await api<{ entries: number; intact: boolean; firstBreak?: { seq: string; problem: string } }>(
        'GET',
        '/api/v1/audit/verification',
      );
      setVerification(
        r.intact
          ? { ok: true, text: t('audit.chainIntact', { count: r.entries }) }
          : {
              ok: false,
              text: t('audit.chainBroken', { seq: r.firstBreak?.seq ?? '', problem: r.firstBreak?.problem ?? '' }),
            },
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setVerifyError(e);
    }
  };
  const search = () => {
    const [from, to] = range ?? [];
    const clean = (v?: string) => (v?.trim() ? v.trim() : undefined);
    setFilter({
      actor: clean(draft.actor),
      action: draft.action,
      entityType: draft.entityType,
      entityId: clean(draft.entityId),
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    });
    setPages([]);
  };
  const reset = () => {
    setDraft({});
    setRange(null);
    setFilter({});
    setPages([]);
  };
  const actionOptions = useMemo(() => labels.actionOptions(), [labels]);
  const subjectOptions = useMemo(() => labels.subjectOptions(), [labels]);
  const entries = data?.entries ?? [];
  const named: AuditNames = { names: data?.names ?? {}, units: data?.units ?? {} };
  /** The record an entry is about: its kind, and its number or name, opened where it has a page. */
  const subjectOf = (e: AuditEntry) => {
    if (!e.entityType) return '—';
    const kind = labels.subject(e.entityType);
    const name = e.entityId ? named.names[e.entityId.toLowerCase()] : undefined;
    const page = e.entityId ? SUBJECT_PAGES[e.entityType] : undefined;
    if (!name) return kind;
    return (
      <span>
        {kind} {page && e.entityId ? <a href={page(e.entityId)}>{name}</a> : name}
      </span>
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Space wrap data-testid="audit-filters">
        <Input
          placeholder={t('admin.audit.actor')}
          value={draft.actor ?? ''}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          style={{ width: 160 }}
          data-testid="audit-actor"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.audit.action')}
          value={draft.action}
          onChange={(action: string | undefined) => setDraft({ ...draft, action })}
          options={actionOptions}
          style={{ width: 220 }}
          data-testid="audit-action"
        />
        <Select
          allowClear
          placeholder={t('admin.audit.subject')}
          value={draft.entityType}
          onChange={(entityType: string | undefined) => setDraft({ ...draft, entityType })}
          options={subjectOptions}
          style={{ width: 160 }}
        />
        <Input
          placeholder={t('admin.audit.subjectId')}
          value={draft.entityId ?? ''}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
          style={{ width: 160 }}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label={t('admin.audit.dates')} />
        <Button type="primary" onClick={search} data-testid="audit-search">
          {t('admin.audit.query')}
        </Button>
        <Button onClick={reset}>{t('admin.audit.reset')}</Button>
        <Button onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Space>
      {verification ? (
        <Alert
          type={verification.ok ? 'success' : 'error'}
          showIcon
          title={verification.text}
          data-testid="audit-verification"
        />
      ) : null}
      <ErrorAlert error={error ?? verifyError} />
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        dataSource={entries}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          rowExpandable: (e) => changesOf(e, named).length > 0 || e.entityId !== undefined,
          expandedRowRender: (e) => (
            <Space orientation="vertical" size={4}>
              <ChangeLines changes={changesOf(e, named)} />
              {e.entityId ? (
                <Space wrap>
                  <Button
                    size="small"
                    onClick={() => {
                      const narrowed = { entityType: e.entityType, entityId: e.entityId };
                      setDraft(narrowed);
                      setRange(null);
                      setFilter(narrowed);
                      setPages([]);
                    }}
                    data-testid={`audit-history-${e.seq}`}
                  >
                    {t('admin.audit.history')}
                  </Button>
                  <Typography.Text type="secondary">
                    {t('admin.audit.recordId')} {e.entityId}
                  </Typography.Text>
                </Space>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq' },
          { title: t('audit.at'), render: (_, e) => formatInstant(e.at) },
          {
            title: t('audit.actor'),
            render: (_, e) => (
              <span>
                {e.actorName ?? t('audit.system')}
                {e.actorRoles?.length ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {e.actorRoles.map((r) => t(`roles.${r}`)).join('、')}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          { title: t('audit.action'), render: (_, e) => labels.action(e.action) },
          {
            title: t('audit.outcome'),
            render: (_, e) => (
              <Tag color={e.outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcomes.${e.outcome}`)}</Tag>
            ),
          },
          { title: t('audit.entity'), render: (_, e) => subjectOf(e) },
          {
            title: t('admin.audit.changes'),
            render: (_, e) => <ChangeLines changes={changesOf(e, named)} limit={3} />,
          },
          { title: 'IP', render: (_, e) => e.ip ?? '—' },
        ]}
      />
      <Space>
        <Button disabled={pages.length === 0} onClick={() => setPages(pages.slice(0, -1))}>
          {t('common.newer')}
        </Button>
        <Button
          disabled={entries.length < 50}
          onClick={() => setPages([...pages, entries[entries.length - 1]?.seq ?? ''])}
        >
          {t('common.older')}
        </Button>
      </Space>
    </Space>
  );
}
