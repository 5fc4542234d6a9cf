import { Alert, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen } from '../../components/format.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';

type Preview = paths['/api/v1/payment-batches/preview']['get']['responses'][200]['content']['application/json'];
type Group = Preview['groups'][number];
type LoadedPreview = ReturnType<typeof usePreview>;

/** What "生成拨付批次" would make; `version` reads it again after batches change. */
export function usePreview(version: number) {
  return useLoad(() => api<Preview>('GET', '/api/v1/payment-batches/preview'), [version]);
}

/**
 * 待拨付预览: before "生成拨付批次", what it would put in batches — per fund and channel how many and
 * how much in 元 — and what it would leave out and why. The page loads it (`usePreview`), as its
 * button to make batches is off while the preview has nothing to pay.
 * The groups are a staff ProTable: filtered by fund and channel, sorted, exported with the total.
 */
export function BatchPreview({ preview }: { preview: LoadedPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const col = useStaffColumns<Group>();
  const p = preview.data;
  const groups = p?.groups ?? [];
  const fundName = (g: Group) => `${g.fundName}（${g.fundCode}）`;
  const channelName = (c: string) => t(`payments.channels.${c}`);
  const columns: StaffColumn<Group>[] = [
    col.choice(t('backOffice.payments.fund'), 'fund', groups, fundName, (f) => f),
    col.choice(t('payments.channel'), 'channel', groups, (g) => g.channel, channelName),
    col.count(t('backOffice.payments.count'), 'count', (g) => g.count),
    col.money(t('backOffice.payments.total'), 'total', (g) => g.totalFen),
  ];
  return (
    <Card size="small" title={t('backOffice.payments.preview')} data-testid="batch-preview">
      <ErrorAlert error={preview.error} />
      {p ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {p.groups.length > 0 ? (
            <>
              <Typography.Text type="secondary">{t('backOffice.payments.previewHint')}</Typography.Text>
              <StaffTable<Group>
                emptyText={t('empty.batchPreview')}
                rowKey={(g) => `${g.fundId}|${g.channel}`}
                pageSize={false}
                rows={groups}
                columns={columns}
                reload={preview.reload}
                exportAs="payment-preview.xlsx"
                testId="batch-preview-groups"
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      {t('admin.schedule.total')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {p.count}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <span data-testid="batch-preview-total">{formatFen(p.totalFen, lang)}</span>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </>
          ) : (
            <Typography.Text>{t('backOffice.payments.nothing')}</Typography.Text>
          )}
          {p.missingAccount.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('backOffice.payments.missingAccount', { count: p.missingAccount.length })}
            />
          ) : null}
          {p.awaitingCorrection.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('backOffice.payments.awaitingCorrection', { count: p.awaitingCorrection.length })}
            />
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
