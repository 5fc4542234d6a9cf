import { Button, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatInstant, punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, type StaffColumn } from '../../components/staff-table.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';

type Schedule = paths['/api/v1/payment-batches/{id}/schedule']['get']['responses'][200]['content']['application/json'];
type Line = Schedule['lines'][number];

/**
 * 拨付明细表: a payment batch laid out for A4 and the print dialog — the batch, its fund and channel,
 * every line with the payee, the masked account, the application and the amount, the total, and
 * lines for the signatures that go on file with the bank file. On screen the lines are a ProTable
 * to sort and export; its toolbar stays off the printed sheet.
 */
export function SchedulePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const col = useStaffColumns<Line>();
  const { data, error, reload } = useLoad(() => api<Schedule>('GET', `/api/v1/payment-batches/${id}/schedule`), [id]);
  // The names of the batch's own region: asked for once the batch is known, and waited for, so the
  // printed sheet never names a subsidy by its code.
  const subsidyName = useSubsidyNames(data?.batch.regionCode ?? '');
  const lines = data?.lines ?? [];
  const columns: StaffColumn<Line>[] = [
    col.count(t('admin.schedule.seq'), 'seq', (l) => l.seq, { align: undefined, width: 56 }),
    col.text(t('admin.schedule.payee'), 'payee', (l) => l.payeeName, {
      sorted: true,
      render: (_, l) => <span className="nowrap">{l.payeeName}</span>,
    }),
    col.text(t('admin.schedule.account'), 'account', (l) => l.accountMasked),
    col.text(t('admin.dashboard.application'), 'application', (l) => l.applicationNumber, { sorted: true }),
    col.text(t('admin.dashboard.subsidy'), 'subsidy', (l) => subsidyName(l.subsidy)),
    col.money(t('admin.dashboard.amount'), 'amount', (l) => l.amountFen, { className: 'nowrap' }),
  ];
  if (!data || !subsidyName.loaded) return <ErrorAlert error={error} />;
  const { batch } = data;
  const total = lines.reduce((n, l) => n + l.amountFen, 0);
  return (
    <div className="a4 schedule" data-testid="schedule">
      <Button className="no-print" onClick={() => window.print()} style={{ marginBottom: 16 }}>
        {t('notice.printButton')}
      </Button>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('admin.schedule.title')}
      </Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('admin.schedule.batch')}>{batch.number}</Descriptions.Item>
        <Descriptions.Item label={t('common.region')}>{regionName(batch.regionCode)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.dashboard.fund')}>{data.fundName}</Descriptions.Item>
        <Descriptions.Item label={t('admin.schedule.channel')}>
          {t(`admin.schedule.channels.${batch.channel}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.schedule.createdAt')}>{formatInstant(batch.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.schedule.total')}>
          {t('admin.schedule.totalText', { count: data.lines.length, amount: formatFen(total, lang) })}
        </Descriptions.Item>
      </Descriptions>
      <StaffTable<Line>
        emptyText={t('empty.schedule')}
        rowKey="seq"
        pageSize={false}
        rows={lines}
        columns={columns}
        reload={reload}
        exportAs={`${batch.number}.xlsx`}
        style={{ marginTop: 16 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              {t('admin.schedule.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span data-testid="schedule-total">{formatFen(total, lang)}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 48 }}>
        {(['preparedBy', 'checkedBy', 'approvedBy'] as const).map((k) => (
          <span key={k}>
            {t(`admin.schedule.${k}`)}
            {punctuation(lang).colon}＿＿＿＿＿＿
          </span>
        ))}
      </div>
    </div>
  );
}
