import { Alert, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { OutboxMessage, SmsOutbox } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';

/**
 * 短信发件箱（演示）: the platform reaches no SMS gateway, so the codes it would have texted are kept
 * here for the security administrator, and the page says so before anything else.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const { data, error, loading, reload } = useLoad(() => api<SmsOutbox>('GET', '/api/v1/sms-outbox'), []);
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
      <Space>
        <Button onClick={reload} loading={loading} data-testid="outbox-refresh">
          {t('outbox.refresh')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <Table<OutboxMessage>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.messages ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        scroll={{ x: true }}
        locale={{ emptyText: t('outbox.none') }}
        data-testid="outbox-table"
        columns={[
          { title: t('outbox.at'), width: 150, render: (_, m) => formatInstant(m.createdAt) },
          { title: t('outbox.phone'), width: 130, dataIndex: 'phoneMasked' },
          { title: t('common.region'), width: 150, render: (_, m) => regionName(m.regionCode) },
          { title: t('outbox.body'), render: (_, m) => <span data-testid="outbox-body">{m.body}</span> },
        ]}
      />
    </Space>
  );
}
