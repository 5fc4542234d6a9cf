import { App, Button, Card, Descriptions, Modal, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, download, upload } from '../../api/client.js';
import type { PaymentBatch, ReturnReport } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant, punctuation } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable, useStaffColumns, WHOLE_CELL, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { BatchPreview, usePreview } from './batch-preview.js';

/**
 * 拨付: put what is payable into batches by fund and channel, hand the bank its file, and read the
 * bank's return file back: paid items are paid, failed ones keep the bank's reason. The batches
 * are a ProTable filtered by region, channel and state, sorted, and exported as filtered.
 */
export function PaymentsPage() {
  const { t, i18n } = useTranslation();
  const col = useStaffColumns<PaymentBatch>();
  const { message } = App.useApp();
  const regionName = useRegionName();
  const batches = useLoad(() => api<{ batches: PaymentBatch[] }>('GET', '/api/v1/payment-batches'), []);
  const layouts = useLoad(() => api<{ layouts: { code: string; name: string }[] }>('GET', '/api/v1/bank-layouts'), []);
  const [layout, setLayout] = useState('generic-csv');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ batch: string; id: string; report: ReturnReport }>();
  /** Bumped when batches change, so the preview reads again what is left to pay. */
  const [version, setVersion] = useState(0);
  const preview = usePreview(version);
  // Nothing payable: the button would only be refused (409), so it is off, and the preview says why.
  const nothingToPay = preview.data !== undefined && preview.data.groups.length === 0;

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<{ batches: PaymentBatch[]; missingAccount: unknown[] }>('POST', '/api/v1/payment-batches', {
        layout,
      });
      void message.success(t('payments.created', { count: res.batches.length, missing: res.missingAccount.length }));
      batches.reload();
      setVersion((n) => n + 1);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const importReturn = async (batch: PaymentBatch, file: File) => {
    setError(undefined);
    try {
      const url = `/api/v1/payment-batches/${batch.id}/returns`;
      let r = await upload<ReturnReport>(
        url,
        file,
        file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
      );
      // A large file is settled by a worker: its progress shown, asked after every two seconds.
      while (r.state === 'importing') {
        void message.loading({
          key: r.id,
          content: t('payments.importing', { settled: r.paid + r.failed + r.returned, rows: r.rows }),
          duration: 0,
        });
        await new Promise((done) => setTimeout(done, 2000));
        r = await api<ReturnReport>('GET', `${url}/${r.id}`);
      }
      message.destroy(r.id);
      setReport({ batch: batch.number, id: batch.id, report: r });
      batches.reload();
      setVersion((n) => n + 1);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };

  // A copy of a file already downloaded is asked for as such (after the confirmation below); the
  // server refuses a second download that does not say so. Refused (someone downloaded it since
  // this list was read), the reason is shown and the list read again, so the button now asks first.
  const downloadFile = async (b: PaymentBatch) => {
    setError(undefined);
    try {
      await download(`/api/v1/payment-batches/${b.id}/file${b.exportedAt ? '?again=true' : ''}`, `${b.number}.csv`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      batches.reload();
    }
  };
  const rows = batches.data?.batches ?? [];
  /** Failed items keep a batch open until they are paid again: said so, not shown as waiting. */
  const stateOf = (b: PaymentBatch) => (b.state === 'exported' && b.counts.failed > 0 ? 'openFailures' : b.state);
  const stateLabel = (state: string) =>
    state === 'openFailures' ? t('backOffice.payments.openFailures') : t(`payments.states.${state}`);
  const columns: StaffColumn<PaymentBatch>[] = [
    // The number pinned left and whole, the buttons pinned right: at a laptop's width in English the
    // list scrolls sideways, and a row must still say which batch its buttons act on.
    col.text(t('payments.number'), 'number', (b) => b.number, { sorted: true, fixed: 'left', className: WHOLE_CELL }),
    col.choice(t('common.region'), 'region', rows, (b) => b.regionCode, regionName),
    col.choice(
      t('payments.channel'),
      'channel',
      rows,
      (b) => b.channel,
      (c) => t(`payments.channels.${c}`),
    ),
    col.count(t('payments.items'), 'items', (b) => b.itemCount),
    col.money(t('payments.total'), 'total', (b) => b.totalFen),
    col.choice(t('common.status'), 'state', rows, stateOf, stateLabel, {
      render: (_, b) => (
        <Tag
          color={{ openFailures: 'orange', reconciled: 'green', exported: 'blue' }[stateOf(b)] ?? 'default'}
          data-testid={`batch-state-${b.number}`}
        >
          {stateLabel(stateOf(b))}
        </Tag>
      ),
    }),
    col.text(t('payments.counts'), 'counts', (b) => t('payments.countsText', b.counts)),
    col.instant(t('payments.createdAt'), 'createdAt', (b) => b.createdAt),
    col.actions(t('common.actions'), (b) => (
      <Space wrap size={[8, 4]}>
        <Link to={`/finance/payments/${b.id}`} data-testid={`batch-details-${b.number}`}>
          {t('backOffice.payments.details')}
        </Link>
        <Link to={`/finance/payments/${b.id}/schedule`} data-testid={`batch-schedule-${b.number}`}>
          {t('admin.schedule.print')}
        </Link>
        {/* A file handed to the bank once is paid once: a second copy is asked for, saying so. */}
        <Popconfirm
          disabled={!b.exportedAt}
          title={t(b.exportedBy ? 'payments.bankFileAgain' : 'payments.bankFileAgainUnnamed', {
            at: b.exportedAt ? formatInstant(b.exportedAt) : '',
            by: b.exportedBy,
          })}
          okText={t('payments.bankFileAgainOk')}
          okButtonProps={{ id: 'action-confirm' }}
          onConfirm={() => void downloadFile(b)}
        >
          <Button
            size="small"
            onClick={b.exportedAt ? undefined : () => void downloadFile(b)}
            data-testid={`bank-file-${b.number}`}
          >
            {t('payments.bankFile')}
          </Button>
        </Popconfirm>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void importReturn(b, file);
            return false;
          }}
        >
          <Button size="small" disabled={b.state === 'open'} data-testid={`return-file-${b.number}`}>
            {t('payments.returnFile')}
          </Button>
        </Upload>
      </Space>
    )),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('payments.title')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <label htmlFor="bank-layout">{t('payments.layout')}</label>
          <Select
            id="bank-layout"
            style={{ width: 240 }}
            value={layout}
            onChange={setLayout}
            // Until the list arrives the chosen layout is still shown by its name, never its code.
            options={(layouts.data?.layouts.map((l) => l.code) ?? [layout]).map((code) => ({
              value: code,
              label: t(`payments.layouts.${code}`),
            }))}
          />
          <Button
            type="primary"
            loading={busy}
            disabled={nothingToPay}
            onClick={() => void create()}
            data-testid="create-batches"
          >
            {t('payments.create')}
          </Button>
        </Space>
      </Card>
      <BatchPreview preview={preview} />
      <ErrorAlert error={error ?? batches.error} />
      <StaffTable<PaymentBatch>
        rowKey="id"
        loading={batches.loading}
        rows={rows}
        columns={columns}
        reload={batches.reload}
        emptyText={t('payments.none')}
        exportAs="payment-batches.xlsx"
        exportTestId="batches-export"
        testId="batches"
      />
      <Modal
        open={report !== undefined}
        title={t('payments.reconciliation', { batch: report?.batch ?? '' })}
        onOk={() => setReport(undefined)}
        onCancel={() => setReport(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.close')}
      >
        {report ? (
          <Descriptions column={1} size="small" data-testid="reconciliation">
            {report.report.alreadyImported ? (
              <Descriptions.Item label={t('common.status')}>{t('payments.alreadyImported')}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('payments.rows')}>{report.report.rows}</Descriptions.Item>
            <Descriptions.Item label={t('payments.paid')}>{report.report.paid}</Descriptions.Item>
            <Descriptions.Item label={t('payments.failed')}>{report.report.failed}</Descriptions.Item>
            <Descriptions.Item label={t('payments.returned')}>{report.report.returned}</Descriptions.Item>
            <Descriptions.Item label={t('payments.unmatched')}>
              {report.report.unmatched.length === 0
                ? t('payments.noneUnmatched')
                : report.report.unmatched
                    .map((u) => t('payments.unmatchedRow', { row: u.row, reason: u.reason }))
                    .join(punctuation(i18n.language).semicolon)}
            </Descriptions.Item>
            <Descriptions.Item label={t('backOffice.payments.details')}>
              <Link to={`/finance/payments/${report.id}`} data-testid="reconciliation-details">
                {t('backOffice.payments.reconciliation', { batch: report.batch })}
              </Link>
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Modal>
    </Space>
  );
}
