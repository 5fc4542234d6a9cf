import { Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { paths } from '../../../api/schema.js';
import { formatFen, pick, punctuation } from '../../../components/format.js';
import { useLoad } from '../../../components/use-load.js';

type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];
export type Posting = Json<paths['/api/v1/labour-market/jobs/{id}']['get']['responses'][200]>;
export type Occupations = Json<paths['/api/v1/labour-market/occupations']['get']['responses'][200]>;
export type Seeker = Json<paths['/api/v1/labour-market/seekers/{id}']['get']['responses'][200]>;
export type Match = Json<paths['/api/v1/labour-market/my-matches']['get']['responses'][200]>['matches'][number];
export type Referral = Json<paths['/api/v1/labour-market/referrals']['get']['responses'][200]>['referrals'][number];
export type PostingBody = Omit<Json<paths['/api/v1/labour-market/my-postings']['post']['requestBody']>, never>;

export const LEVELS = ['5', '4', '3', '2', '1'] as const;

export function useOccupations() {
  return useLoad(() => api<Occupations>('GET', '/api/v1/labour-market/occupations'), []);
}

/** The occupations as options, their names in the reader's language, grouped by major group. */
export function OccupationSelect({
  value,
  onChange,
  id,
  multiple,
  groups,
  allowClear,
}: {
  value?: string | string[];
  onChange?: (value: never) => void;
  id?: string;
  multiple?: boolean;
  /** Offer the major groups too (the board searches by group). */
  groups?: boolean;
  allowClear?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const occupations = useOccupations();
  const options = [
    ...(groups ? (occupations.data?.majorGroups ?? []) : []),
    ...(occupations.data?.occupations ?? []),
  ].map((o) => ({ value: o.code, label: `${pick(o, i18n.language)} ${o.code}` }));
  return (
    <Select
      id={id}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange as (v: unknown) => void}
      mode={multiple ? 'multiple' : undefined}
      maxCount={multiple ? 5 : undefined}
      allowClear={allowClear}
      placeholder={groups ? t('labour.board.anyOccupation') : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
    />
  );
}

export function PayText({ posting }: { posting: Pick<Posting, 'payMinFen' | 'payMaxFen'> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('labour.posting.payRange', {
        min: formatFen(posting.payMinFen, i18n.language),
        max: formatFen(posting.payMaxFen, i18n.language),
      })}
    </>
  );
}

export function PostingState({ posting }: { posting: Posting }) {
  const { t } = useTranslation();
  const color = { submitted: 'blue', refused: 'red', published: 'green', withdrawn: 'default' }[posting.state];
  return <Tag color={color}>{t(`labour.posting.states.${posting.state}`)}</Tag>;
}

/** One posting as a card: what a job seeker reads, on a phone as on a desk. */
export function PostingCard({ posting, extra }: { posting: Posting; extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="posting"
      title={
        <Space wrap size={4}>
          <Typography.Text strong>{posting.title}</Typography.Text>
          <Typography.Text type="success">
            <PayText posting={posting} />
          </Typography.Text>
        </Space>
      }
      extra={extra}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('labour.posting.unit')}>{posting.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('labour.posting.occupation')}>
          {pick(posting.occupation, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('labour.posting.headcount')}>
          {t('labour.posting.people', { count: posting.headcount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('labour.posting.region')}>
          {pick(posting.regionName, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('labour.posting.place')}>{posting.place}</Descriptions.Item>
        {posting.minLevel ? (
          <Descriptions.Item label={t('labour.posting.minLevel')}>
            {t(`labour.levels.${posting.minLevel}` as 'labour.levels.5')}
          </Descriptions.Item>
        ) : null}
        {posting.requirements ? (
          <Descriptions.Item label={t('labour.posting.requirements')}>{posting.requirements}</Descriptions.Item>
        ) : null}
        {posting.description ? (
          <Descriptions.Item label={t('labour.posting.description')}>{posting.description}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('labour.posting.contact')}>{posting.contact}</Descriptions.Item>
        <Descriptions.Item label={t('labour.posting.validity')}>
          {posting.validFrom} – {posting.validTo}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A match's reasons, each with its points, in the reader's language. */
export function MatchReasons({ match }: { match: Match }) {
  const { t, i18n } = useTranslation();
  const marks = punctuation(i18n.language);
  return (
    <Space wrap size={4} data-testid="reasons">
      <Tag color="gold">{t('labour.seeker.score', { score: match.score })}</Tag>
      {match.reasons.map((r) => (
        <Tag key={r.kind} color={r.points > 0 ? 'green' : 'default'}>
          {t(`labour.reasons.${r.kind}`)}
          {marks.colon}
          {pick(r, i18n.language)}
          {marks.open}+{r.points}
          {marks.close}
        </Tag>
      ))}
    </Space>
  );
}
