import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatInstant } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

type Reconciliation =
  paths['/api/v1/payment-batches/{id}/reconciliation']['get']['responses'][200]['content']['application/json'];

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
      <Card size="small" title={t('backOffice.payments.failedItems')}>
        <Table
          size="small"
          rowKey="seq"
          pagination={false}
          dataSource={v.failedItems}
          locale={{ emptyText: t('backOffice.payments.none') }}
          scroll={{ x: true }}
          data-testid="failed-items"
          columns={[
            { title: t('backOffice.payments.seq'), dataIndex: 'seq' },
            {
              title: t('backOffice.payments.application'),
              render: (_, f) => <Link to={`/applications/${f.applicationId}`}>{f.applicationNumber}</Link>,
            },
            { title: t('backOffice.payments.payee'), dataIndex: 'payeeName' },
            { title: t('backOffice.payments.account'), dataIndex: 'accountMasked' },
            { title: t('backOffice.payments.total'), align: 'right', render: (_, f) => formatFen(f.amountFen, lang) },
            {
              title: t('backOffice.payments.bankReason'),
              render: (_, f) => f.bankReason ?? t('backOffice.payments.noBankReason'),
            },
            {
              title: t('common.status'),
              render: (_, f) =>
                f.reissuedIn ? (
                  <Tag color="green">{t('backOffice.payments.reissuedIn', { batch: f.reissuedIn })}</Tag>
                ) : (
                  <Tag color={f.accountCorrected ? 'blue' : 'red'}>
                    {t(
                      f.accountCorrected
                        ? 'backOffice.payments.accountCorrected'
                        : 'backOffice.payments.accountNotCorrected',
                    )}
                  </Tag>
                ),
            },
            {
              title: t('common.actions'),
              render: (_, f) =>
                !f.reissuedIn && can('application:pay') ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={!f.accountCorrected}
                    loading={busy === f.seq}
                    onClick={() => void reissue(f.seq)}
                    data-testid={`reissue-${f.seq}`}
                  >
                    {t('backOffice.payments.reissue')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('backOffice.payments.unmatchedRows')}>
        <Table
          size="small"
          rowKey={(u) => `${u.row}-${u.seq}`}
          pagination={false}
          dataSource={v.unmatched.rows}
          locale={{ emptyText: t('backOffice.payments.none') }}
          scroll={{ x: true }}
          data-testid="unmatched-rows"
          columns={[
            { title: t('backOffice.payments.row'), dataIndex: 'row' },
            { title: t('backOffice.payments.why'), dataIndex: 'reason' },
            { title: t('backOffice.payments.payee'), dataIndex: 'name' },
            { title: t('backOffice.payments.account'), dataIndex: 'accountMasked' },
            {
              title: t('backOffice.payments.total'),
              align: 'right',
              render: (_, u) => (u.amountFen === null ? '—' : formatFen(u.amountFen, lang)),
            },
          ]}
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
