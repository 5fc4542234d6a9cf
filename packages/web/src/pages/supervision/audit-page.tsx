import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../api/client.js';
import type { AuditEntry } from '../../api/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';

/** 审计日志: who did what to which record, newest first, and a walk of the hash chain on request. */
export function AuditPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [pages, setPages] = useState<string[]>([]);
  const before = pages[pages.length - 1];
  const { data, error, loading } = useLoad(
    () =>
      api<{ entries: AuditEntry[] }>(
        'GET',
        `/api/v1/audit${query({ action: action || undefined, before, limit: 50 })}`,
      ),
    [action, before],
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
  const entries = data?.entries ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Space wrap>
        <Input.Search
          placeholder={t('audit.actionFilter')}
          allowClear
          onSearch={(v) => {
            setAction(v.trim());
            setPages([]);
          }}
          style={{ width: 280 }}
        />
        <Button onClick={() => void verify()}>{t('audit.verify')}</Button>
      </Space>
      {verification ? <Alert type={verification.ok ? 'success' : 'error'} showIcon title={verification.text} /> : null}
      <ErrorAlert error={error ?? verifyError} />
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        dataSource={entries}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (e) => (
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq' },
          { title: t('audit.at'), render: (_, e) => formatInstant(e.at) },
          { title: t('audit.actor'), render: (_, e) => e.actorName ?? t('audit.system') },
          { title: t('audit.action'), dataIndex: 'action' },
          {
            title: t('audit.outcome'),
            render: (_, e) => (
              <Tag color={e.outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcomes.${e.outcome}`)}</Tag>
            ),
          },
          { title: t('audit.entity'), render: (_, e) => (e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—') },
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
