import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../../api/schema.js';
import { formatInstant } from '../../components/format.js';
import { useRegionName } from '../../components/regions.js';

export type Draw = paths['/api/v1/spot-checks/{id}']['get']['responses'][200]['content']['application/json'];

/** One draw: when and where, its candidates, seed and any reason, and each item with its inspector and outcome. */
export function DrawCard({ draw, title }: { draw: Draw; title: string }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (
    <Card size="small" title={title} data-testid={draw.redrawOf ? 'spot-redraw' : 'spot-first'}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('spotChecks.period')}>{draw.period}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.drawnAt')}>{formatInstant(draw.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.region')}>{regionName(draw.regionCode)}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.candidates')}>{draw.candidates}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.sampleSize')}>{draw.sampleSize}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.seed')}>
          <Typography.Text code copyable>
            {draw.seed}
          </Typography.Text>
        </Descriptions.Item>
        {draw.reason ? (
          <Descriptions.Item label={t('spotChecks.redrawReason')} span={2}>
            <span data-testid="spot-reason-shown">{draw.reason}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={draw.items}
        columns={[
          { title: t('spotChecks.items.rank'), dataIndex: 'rank' },
          {
            title: t('spotChecks.items.application'),
            render: (_, item) => <Link to={`/applications/${item.applicationId}`}>{item.applicationNumber}</Link>,
          },
          { title: t('spotChecks.items.inspector'), dataIndex: 'inspector' },
          { title: t('spotChecks.items.weight'), dataIndex: 'weight' },
          {
            title: t('spotChecks.items.outcome'),
            render: (_, item) => t(`spotChecks.outcomes.${item.outcome ?? 'pending'}`),
          },
        ]}
      />
    </Card>
  );
}
