import { Button, Empty, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { RegionSelect } from '../../../components/regions.js';
import { useLoad } from '../../../components/use-load.js';
import { GigBoard } from './gig-market.js';
import { OccupationSelect, PostingCard, type Posting } from './labour-common.js';
import { yuanToFen } from '../../../components/format.js';
import { inRange } from '../../../components/valid-values.js';

interface Filter {
  region: string;
  occupation?: string;
  payYuan?: number;
  q?: string;
}

const PAGE = 20;

/**
 * The public job board (岗位信息, 庆政办发〔2023〕102号 第5、6条): open postings by region (and the
 * regions below it), occupation or its group, pay and Chinese keywords; cards, so it reads on a phone.
 */
export function JobBoardPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({ region: '510000' });
  const [limit, setLimit] = useState(PAGE);
  const board = useLoad(
    () =>
      api<{ total: number; totalIsLowerBound: boolean; postings: Posting[] }>(
        'GET',
        `/api/v1/labour-market/jobs${query({
          region: filter.region,
          occupation: filter.occupation,
          payMinFen: filter.payYuan !== undefined ? String(yuanToFen(filter.payYuan)) : undefined,
          q: filter.q?.trim() || undefined,
          limit: String(limit),
        })}`,
      ),
    [filter, limit],
  );
  const [form] = Form.useForm<Filter>();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('labour.board.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('labour.board.intro')}</Typography.Paragraph>
      <Form<Filter>
        form={form}
        layout="vertical"
        initialValues={filter}
        onFinish={(v) => {
          setLimit(PAGE);
          setFilter({ ...v });
        }}
        style={{ maxWidth: 720 }}
      >
        <Space wrap align="end">
          <Form.Item label={t('labour.board.keyword')} name="q" style={{ marginBottom: 8 }}>
            <Input id="board-q" placeholder={t('labour.board.keywordPlaceholder')} maxLength={40} allowClear />
          </Form.Item>
          <Form.Item label={t('labour.board.region')} name="region" style={{ marginBottom: 8 }}>
            <RegionField />
          </Form.Item>
          <Form.Item label={t('labour.board.occupation')} name="occupation" style={{ marginBottom: 8 }}>
            <OccupationSelect id="board-occupation" groups allowClear />
          </Form.Item>
          <Form.Item
            label={t('labour.board.payAtLeast')}
            name="payYuan"
            style={{ marginBottom: 8 }}
            rules={[inRange(0, 1_000_000)]}
          >
            <InputNumber id="board-pay" step={500} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" data-testid="board-search">
              {t('labour.board.search')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      <ErrorAlert error={board.error} />
      {board.data ? (
        <Typography.Text>
          {t('labour.board.found', {
            count: board.data.total,
            total: `${board.data.total.toLocaleString()}${board.data.totalIsLowerBound ? '+' : ''}`,
          })}
        </Typography.Text>
      ) : null}
      {board.data?.postings.length === 0 ? <Empty description={t('labour.board.none')} /> : null}
      {board.data?.postings.map((p) => (
        <PostingCard key={p.id} posting={p} />
      ))}
      {board.data && board.data.total > board.data.postings.length && limit < 100 ? (
        <Button onClick={() => setLimit((l) => Math.min(100, l + PAGE))}>{t('labour.board.more')}</Button>
      ) : null}
      <GigBoard region={filter.region} />
    </Space>
  );
}

function RegionField({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  return <RegionSelect id="board-region" value={value ?? '510000'} onChange={(v) => onChange?.(v)} />;
}
