import { ProTable } from '@ant-design/pro-components';
import { Drawer, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../api/client.js';
import type { Fund, paths } from '../../api/schema.js';
import { formatFen, formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { PaymentNoteText } from '../applications/payment-note-text.js';

type Statement = paths['/api/v1/funds/{id}/entries']['get']['responses'][200]['content']['application/json'];
type Entry = Statement['entries'][number];
export type StatementAccount = paths['/api/v1/funds/{id}/entries']['get']['parameters']['query']['account'];

export interface StatementTarget {
  fund: Fund;
  region: string;
  account: StatementAccount;
}

const PAGE = 50;
/** The furthest a statement pages (the route's `offset` maximum). */
const OFFSET_MAX = 100_000;

/**
 * 明细账: the entries behind one balance of the funds page, newest first, each with the account on
 * its other side and the application it was for, so the figure can be checked movement by movement.
 * The balance is said above the list as the sum of its entries.
 */
export function FundStatementDrawer({ target, onClose }: { target?: StatementTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const [balance, setBalance] = useState<{ fen: number; entries: number; more: boolean }>();
  return (
    <Drawer
      open={target !== undefined}
      onClose={() => {
        setBalance(undefined);
        onClose();
      }}
      size="large"
      destroyOnHidden
      title={
        target
          ? t('funds.statement.title', {
              fund: target.fund.name,
              region: regionName(target.region),
              account: t(`funds.kinds.${target.account}`),
            })
          : ''
      }
    >
      {target ? (
        <>
          <Typography.Paragraph type="secondary">{t(`funds.explain.${target.account}`)}</Typography.Paragraph>
          {balance ? (
            <Typography.Paragraph strong data-testid="fund-statement-balance">
              {t(balance.more ? 'funds.statement.balanceOfMore' : 'funds.statement.balance', {
                amount: formatFen(balance.fen, lang),
                count: balance.entries,
              })}
            </Typography.Paragraph>
          ) : null}
          <ProTable<Entry>
            rowKey="id"
            search={false}
            options={false}
            size="small"
            scroll={{ x: 'max-content' }}
            data-testid="fund-statement"
            pagination={{
              defaultPageSize: PAGE,
              showTotal: (n) =>
                balance?.more
                  ? t('funds.statement.totalAtLeast', { count: balance.entries })
                  : t('common.total', { count: n }),
            }}
            request={async (params) => {
              const limit = params.pageSize ?? PAGE;
              const offset = ((params.current ?? 1) - 1) * limit;
              const s = await api<Statement>(
                'GET',
                `/api/v1/funds/${target.fund.id}/entries${query({ regionCode: target.region, account: target.account, limit, offset })}`,
              );
              setBalance({ fen: s.balanceFen, entries: s.total, more: s.totalIsLowerBound });
              // Past the count the pager offers one page more while pages come back full, as far as
              // the server pages.
              const reachable = s.totalIsLowerBound
                ? Math.max(s.total, Math.min(OFFSET_MAX, offset + s.entries.length + 1))
                : s.total;
              return { data: s.entries, total: reachable, success: true };
            }}
            columns={[
              { title: t('admin.dashboard.at'), render: (_, e) => formatInstant(e.at) },
              {
                title: t('funds.statement.move'),
                // Into the account green, out of it orange: the sign is said twice, in colour and figure.
                render: (_, e) => <Tag color={e.amountFen > 0 ? 'green' : 'orange'}>{t(`funds.moves.${e.kind}`)}</Tag>,
              },
              {
                title: t('admin.dashboard.amount'),
                align: 'right',
                render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(e.amountFen, lang)}</span>,
              },
              {
                title: t('funds.statement.counterpart'),
                render: (_, e) =>
                  `${regionName(e.counterpart.regionCode)} · ${t(`funds.kinds.${e.counterpart.account}`)}`,
              },
              {
                title: t('admin.dashboard.application'),
                render: (_, e) =>
                  e.applicationId ? <Link to={`/applications/${e.applicationId}`}>{e.applicationNumber}</Link> : '—',
              },
              {
                // A payment's memo, and a return's, is the payment's reference (a batch's `PB-…#1`, or one
                // typed by hand), read as words.
                title: t('funds.statement.memo'),
                render: (_, e) =>
                  !e.memo ? (
                    '—'
                  ) : e.kind === 'pay' || e.kind === 'payment-returned' ? (
                    <PaymentNoteText note={`ref:${e.memo}`} />
                  ) : (
                    e.memo
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
