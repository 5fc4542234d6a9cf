import { Alert, App, Button, Card, Col, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatInstant } from '../../components/format.js';
import { PROSE_CELL, StaffTable, useStaffColumns, WHOLE_CELL, type StaffColumn } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { BankAccountModal, type AccountHolder } from '../../components/bank-account-modal.js';

type Reconciliation =
  paths['/api/v1/payment-batches/{id}/reconciliation']['get']['responses'][200]['content']['application/json'];
type FailedItem = Reconciliation['failedItems'][number];
const STATUS_COLOURS = { reissued: 'green', accountCorrected: 'blue', accountNotCorrected: 'red' } as const;
type UnmatchedRow = Reconciliation['unmatched']['rows'][number];

/**
 * 对账: one batch after the bank's return files — paid, awaiting the bank, failed (each with the
 * bank's own words and whether the payee's account has been corrected since), re-issued, and the
 * return-file rows that matched no item, each as a count and a total in 元. A failed item whose
 * account is corrected is paid again from here, in a batch of its own.
 */
export function BatchPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const { can } = useSession();
  const view = useLoad(() => api<Reconciliation>('GET', `/api/v1/payment-batches/${id}/reconciliation`), [id]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<number>();
  const [correcting, setCorrecting] = useState<AccountHolder>();
  // Who pays does not also set where it goes (权限不相容): the registry's clerk corrects the account.
  const failedColumns = useFailedColumns(
    { pay: can('application:pay'), correct: can('registry:write') },
    busy,
    (seq) => void reissue(seq),
    (f) =>
      f.payee &&
      setCorrecting({
        kind: f.payee.kind,
        id: f.payee.id,
        name: f.payeeName,
        failed: { accountMasked: f.accountMasked, bankReason: f.bankReason },
      }),
  );
  const unmatchedColumns = useUnmatchedColumns();
  const v = view.data;
  if (view.error) return <ErrorAlert error={view.error} />;
  if (!v) return null;

  const reissue = async (seq: number) => {
    setBusy(seq);
    setError(undefined);
    try {
      const r = await api<{ batch: { number: string } }>('POST', `/api/v1/payment-batches/${id}/items/${seq}/reissue`);
      void message.success(t('backOffice.payments.reissueDone', { batch: r.batch.number }));
      view.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const tally = (key: 'paid' | 'pending' | 'failed' | 'reissued' | 'unmatched', colour?: string) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small" data-testid={`tally-${key}`}>
        <Statistic
          title={t(`backOffice.payments.${key}`)}
          value={v[key].count}
          styles={colour ? { content: { color: colour } } : undefined}
        />
        <Typography.Text type="secondary">{formatFen(v[key].totalFen, lang)}</Typography.Text>
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>
        {t('backOffice.payments.reconciliation', { batch: v.batch.number })}
      </Typography.Title>
      <Alert
        type={v.reconciled ? 'success' : 'warning'}
        showIcon
        title={t(v.reconciled ? 'backOffice.payments.reconciled' : 'backOffice.payments.notReconciled')}
        data-testid="reconciled"
      />
      <Row gutter={[12, 12]}>
        {tally('paid', '#389e0d')}
        {tally('pending')}
        {tally('failed', v.failed.count > 0 ? '#cf1322' : undefined)}
        {tally('reissued')}
        {tally('unmatched', v.unmatched.count > 0 ? '#d46b08' : undefined)}
      </Row>
      <ErrorAlert error={error} />
      <BankAccountModal holder={correcting} onClose={() => setCorrecting(undefined)} onCorrected={view.reload} />
      <Card size="small" title={t('backOffice.payments.failedItems')}>
        <StaffTable<FailedItem>
          rowKey="seq"
          rows={v.failedItems}
          columns={failedColumns}
          reload={view.reload}
          emptyText={t('backOffice.payments.none')}
          exportAs={`${v.batch.number}-failed.xlsx`}
          testId="failed-items"
        />
      </Card>
      <Card size="small" title={t('backOffice.payments.unmatchedRows')}>
        <StaffTable<UnmatchedRow>
          rowKey={(u) => `${u.row}-${u.seq}`}
          rows={v.unmatched.rows}
          columns={unmatchedColumns}
          emptyText={t('backOffice.payments.none')}
          exportAs={`${v.batch.number}-unmatched.xlsx`}
          testId="unmatched-rows"
        />
      </Card>
      <Card size="small" title={t('backOffice.payments.returnFiles')}>
        {v.returnFiles.length === 0 ? (
          <Typography.Text>{t('backOffice.payments.none')}</Typography.Text>
        ) : (
          v.returnFiles.map((f) => (
            <div key={f.importedAt}>
              {formatInstant(f.importedAt)} · {t('backOffice.payments.fileCounts', { ...f, count: f.rows })}
            </div>
          ))
        )}
      </Card>
    </Space>
  );
}

/**
 * The failed items: each with the bank's words, whether the account is corrected, its correction,
 * and its re-issue, which waits for the correction and says so.
 */
function useFailedColumns(
  may: { pay: boolean; correct: boolean },
  busy: number | undefined,
  reissue: (seq: number) => void,
  correct: (item: FailedItem) => void,
) {
  const { t } = useTranslation();
  const col = useStaffColumns<FailedItem>();
  const status = (f: FailedItem): keyof typeof STATUS_COLOURS =>
    f.reissuedIn ? 'reissued' : f.accountCorrected ? 'accountCorrected' : 'accountNotCorrected';
  const statusText = (f: FailedItem) =>
    f.reissuedIn ? t('backOffice.payments.reissuedIn', { batch: f.reissuedIn }) : t(`backOffice.payments.${status(f)}`);
  const columns: StaffColumn<FailedItem>[] = [
    col.count(t('backOffice.payments.seq'), 'seq', (f) => f.seq, { align: undefined }),
    // The number whole, and the bank's reason given room to read: at a phone's width the table scrolls
    // sideways rather than breaking a number over three lines and a reason over ten.
    col.text(t('backOffice.payments.application'), 'application', (f) => f.applicationNumber, {
      sorted: true,
      className: WHOLE_CELL,
      render: (_, f) => <Link to={`/applications/${f.applicationId}`}>{f.applicationNumber}</Link>,
    }),
    col.text(t('backOffice.payments.payee'), 'payee', (f) => f.payeeName, { sorted: true }),
    col.text(t('backOffice.payments.account'), 'account', (f) => f.accountMasked),
    col.money(t('backOffice.payments.total'), 'total', (f) => f.amountFen),
    col.text(
      t('backOffice.payments.bankReason'),
      'bankReason',
      (f) => f.bankReason ?? t('backOffice.payments.noBankReason'),
      { className: PROSE_CELL },
    ),
    {
      title: t('common.status'),
      key: 'status',
      render: (_, f) => <Tag color={STATUS_COLOURS[status(f)]}>{statusText(f)}</Tag>,
      filters: (['accountNotCorrected', 'accountCorrected', 'reissued'] as const).map((s) => ({
        text: t(`backOffice.payments.${s}`),
        value: s,
      })),
      onFilter: (chosen, f) => status(f) === chosen,
      sheet: statusText,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, f) =>
        f.reissuedIn ? null : (
          <Space wrap size={[8, 4]}>
            {may.correct && f.payee ? (
              <Button
                size="small"
                type={f.accountCorrected ? 'default' : 'primary'}
                onClick={() => correct(f)}
                data-testid={`correct-account-${f.seq}`}
              >
                {t('backOffice.payments.correctAccount')}
              </Button>
            ) : null}
            {may.pay ? (
              // A disabled button says nothing by itself: the tooltip says what it waits for.
              <Tooltip title={f.accountCorrected ? undefined : t('backOffice.payments.reissueNeedsAccount')}>
                <span>
                  <Button
                    size="small"
                    type={f.accountCorrected ? 'primary' : 'default'}
                    disabled={!f.accountCorrected}
                    loading={busy === f.seq}
                    onClick={() => reissue(f.seq)}
                    data-testid={`reissue-${f.seq}`}
                  >
                    {t('backOffice.payments.reissue')}
                  </Button>
                </span>
              </Tooltip>
            ) : null}
          </Space>
        ),
    },
  ];
  return columns;
}

/** The return file's rows that matched no item of the batch, with why. */
function useUnmatchedColumns(): StaffColumn<UnmatchedRow>[] {
  const { t } = useTranslation();
  const col = useStaffColumns<UnmatchedRow>();
  return [
    col.count(t('backOffice.payments.row'), 'row', (u) => u.row, { align: undefined }),
    col.text(t('backOffice.payments.why'), 'why', (u) => u.reason, { className: PROSE_CELL }),
    col.text(t('backOffice.payments.payee'), 'payee', (u) => u.name),
    col.text(t('backOffice.payments.account'), 'account', (u) => u.accountMasked),
    col.money(t('backOffice.payments.total'), 'total', (u) => u.amountFen),
  ];
}
