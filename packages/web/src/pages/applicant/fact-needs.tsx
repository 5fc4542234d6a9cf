import { citationIn } from '@huimin/policy/citations';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.js';
import { pick, punctuation } from '../../components/format.js';

/** What the engine would decide before filing, with what would change it and where each fact stands. */
export type PreviewAnswer =
  paths['/api/v1/applications/decision-preview']['post']['responses'][200]['content']['application/json'];
export type FactNeed = PreviewAnswer['needs'][number];
export type FactStanding = PreviewAnswer['facts'][number];
export type Standing = FactStanding['entries'][number]['provenance'];

export const STANDING_COLOUR: Record<Standing, string> = {
  verified: 'green',
  confirmed: 'blue',
  declared: 'orange',
  recorded: 'default',
};

/**
 * For each unmet condition, the facts that would change it and what to do about each: fill in
 * the form, declare it with evidence, go to an office, or nothing (it is checked against data).
 */
export function FactNeeds({
  needs,
  onDeclare,
}: {
  needs: readonly FactNeed[];
  onDeclare?: (kind: 'graduation' | 'status') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (needs.length === 0) return null;
  return (
    <div data-testid="fact-needs" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('facts.needs.title')}</Typography.Text>
      <List
        size="small"
        dataSource={[...needs]}
        renderItem={(need) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text>
                {pick(need.rule, lang)}{' '}
                <Typography.Text type="secondary">{`${punctuation(lang).open.trim()}${citationIn(need.cites, lang)}${punctuation(lang).close}`}</Typography.Text>
              </Typography.Text>
              {need.facts.map((f) => (
                <Space key={f.field} wrap size={4} align="center">
                  <Tag>{t(`facts.needs.${f.source}`)}</Tag>
                  <Typography.Text type="secondary">
                    {pick(f.label, lang)}
                    {punctuation(lang).colon}
                    {pick(f.how, lang)}
                  </Typography.Text>
                  {f.declare && onDeclare ? (
                    <Button
                      size="small"
                      type="link"
                      data-testid={`declare-${f.declare}`}
                      onClick={() => onDeclare(f.declare as 'graduation' | 'status')}
                    >
                      {t('facts.needs.declare')}
                    </Button>
                  ) : null}
                </Space>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

/** Each fact the decision reads, marked verified from data, confirmed, merely declared, or recorded here. */
export function FactStandings({ facts, heading = true }: { facts: readonly FactStanding[]; heading?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (facts.length === 0) return null;
  return (
    <div data-testid="fact-standing" style={{ marginTop: 8 }}>
      {heading ? <Typography.Text strong>{t('facts.standing.title')}</Typography.Text> : null}
      <List
        size="small"
        dataSource={[...facts]}
        renderItem={(f) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Typography.Text>{pick(f.label, lang)}</Typography.Text>
              {f.entries.length === 0 ? (
                <Typography.Text type="secondary">{t('facts.standing.none')}</Typography.Text>
              ) : (
                f.entries.map((e, i) => (
                  <Space key={i} wrap size={4}>
                    <Tag color={STANDING_COLOUR[e.provenance]} data-testid={`standing-${f.field}-${e.provenance}`}>
                      {t(`facts.standing.${e.provenance}`)}
                    </Tag>
                    <Typography.Text>{pick(e.summary, lang)}</Typography.Text>
                    <Typography.Text type="secondary">{pick(e.source, lang)}</Typography.Text>
                  </Space>
                ))
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
