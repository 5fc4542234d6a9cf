import { ProTable } from '@ant-design/pro-components';
import { Button, Card, Drawer, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { DrawCard, type Draw } from './spot-check-draw-card.js';

type History = paths['/api/v1/spot-checks']['get']['responses'][200]['content']['application/json'];
type Summary = History['draws'][number];

const PAGE = 20;

/**
 * 历次抽查: every draw of the caller's regions, newest first, a page at a time, each with how much
 * of it has been inspected and what was found; a draw opens with its items, seed and reason.
 */
export function DrawHistory({ version }: { version?: string }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const [open, setOpen] = useState<Summary>();
  return (
    <Card size="small" title={t('spotChecks.history.title')} data-testid="spot-history">
      <Typography.Paragraph type="secondary">{t('spotChecks.history.intro')}</Typography.Paragraph>
      <ProTable<Summary>
        rowKey="id"
        // Read again once today's draws change (a draw made on this page, or a redraw).
        params={{ version }}
        search={false}
        options={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('spotChecks.history.none') }}
        pagination={{ defaultPageSize: PAGE, showTotal: (n) => t('common.total', { count: n }) }}
        request={async (params) => {
          const limit = params.pageSize ?? PAGE;
          const offset = ((params.current ?? 1) - 1) * limit;
          const h = await api<History>('GET', `/api/v1/spot-checks${query({ limit, offset })}`);
          return { data: h.draws, total: h.total, success: true };
        }}
        columns={[
          { title: t('spotChecks.period'), render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{d.period}</span> },
          { title: t('spotChecks.region'), render: (_, d) => regionName(d.regionCode) },
          {
            title: t('spotChecks.history.kind'),
            render: (_, d) =>
              d.redrawOf ? (
                <Tag color="orange" title={d.reason}>
                  {t('spotChecks.history.redraw')}
                </Tag>
              ) : (
                <Tag color="blue">{t('spotChecks.history.first')}</Tag>
              ),
          },
          { title: t('spotChecks.drawnAt'), render: (_, d) => formatInstant(d.createdAt) },
          { title: t('spotChecks.candidates'), align: 'right', render: (_, d) => d.candidates },
          { title: t('spotChecks.history.sample'), align: 'right', render: (_, d) => d.items },
          { title: t('spotChecks.history.recorded'), align: 'right', render: (_, d) => `${d.recorded} / ${d.items}` },
          { title: t('spotChecks.history.problems'), align: 'right', render: (_, d) => d.problems },
          {
            title: '',
            render: (_, d) => (
              <Button size="small" type="link" onClick={() => setOpen(d)} data-testid={`spot-history-open-${d.id}`}>
                {t('spotChecks.history.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size="large"
        destroyOnHidden
        title={
          open ? t('spotChecks.history.drawTitle', { region: regionName(open.regionCode), period: open.period }) : ''
        }
      >
        {open ? <OneDraw id={open.id} /> : null}
      </Drawer>
    </Card>
  );
}

function OneDraw({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => api<Draw>('GET', `/api/v1/spot-checks/${id}`), [id]);
  return (
    <>
      <ErrorAlert error={error} />
      {data ? (
        <DrawCard draw={data} title={data.redrawOf ? t('spotChecks.history.redraw') : t('spotChecks.history.first')} />
      ) : null}
    </>
  );
}
