import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { OutboxMessage, SmsOutbox } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';

/**
 * 短信发件箱（演示）: the platform reaches no SMS gateway, so the codes it would have texted are kept
 * here for the security administrator, and the page says so before anything else.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const col = useStaffColumns<OutboxMessage>();
  const { data, error, loading, reload } = useLoad(() => api<SmsOutbox>('GET', '/api/v1/sms-outbox'), []);
  const rows = data?.messages ?? [];
  // No export: the codes are for reading out to the person at the counter, not for a sheet.
  const columns: StaffColumn<OutboxMessage>[] = [
    col.instant(t('outbox.at'), 'at', (m) => m.createdAt, { width: 150 }),
    col.text(t('outbox.phone'), 'phone', (m) => m.phoneMasked, { width: 130 }),
    col.choice(t('common.region'), 'region', rows, (m) => m.regionCode, regionName, { width: 150 }),
    col.text(t('outbox.body'), 'body', (m) => m.body, {
      render: (_, m) => <span data-testid="outbox-body">{m.body}</span>,
    }),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('outbox.title')}</Typography.Title>
      <Alert
        type="warning"
        showIcon
        title={t('outbox.demo')}
        description={t('outbox.demoDetail')}
        data-testid="outbox-demonstration"
      />
      <ErrorAlert error={error} />
      <StaffTable<OutboxMessage>
        rowKey="id"
        loading={loading}
        rows={rows}
        columns={columns}
        reload={reload}
        emptyText={t('outbox.none')}
        search={{ placeholder: t('backOffice.lists.outbox'), texts: (m) => [m.phoneMasked, m.body] }}
        toolbar={[
          <Button key="refresh" onClick={reload} loading={loading} data-testid="outbox-refresh">
            {t('outbox.refresh')}
          </Button>,
        ]}
        testId="outbox-table"
      />
    </Space>
  );
}
