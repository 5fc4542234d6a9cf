import { citationIn } from '@huimin/policy/citations';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../api/schema.js';
import { formatFen, formatParameterValue, pick, punctuation } from './format.js';
import { useRegionName } from './regions.js';

/** The engine's decision as people read it: the outcome, then every rule with its article. */
export function DecisionView({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const marks = punctuation(lang);
  return (
    <div data-testid={`decision-${decision.subsidy}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={decision.eligible ? 'green' : 'default'}>{t(`decision.status.${decision.status}`)}</Tag>
        {decision.eligible && decision.amountFen !== null ? (
          <Typography.Text strong>{formatFen(decision.amountFen, lang)}</Typography.Text>
        ) : null}
        {decision.eligible && decision.amountFen === null ? (
          <Typography.Text type="warning">{t('decision.amountNotSet')}</Typography.Text>
        ) : null}
        {decision.perMonthFen !== undefined && decision.months !== undefined ? (
          <Typography.Text type="secondary">
            {t('decision.perMonth', {
              amount: formatFen(decision.perMonthFen, lang),
              months: decision.months,
              count: decision.months,
            })}
          </Typography.Text>
        ) : null}
      </Space>
      <List
        size="small"
        dataSource={decision.reasons}
        renderItem={(r) => (
          <List.Item>
            <Space align="start">
              {r.met ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              <span>
                {pick(r.message, lang)}
                {r.detail ? (
                  <Typography.Text type="secondary">
                    {marks.open}
                    {pick(r.detail, lang)}
                    {marks.close}
                  </Typography.Text>
                ) : null}
                <br />
                <Typography.Text type="secondary" className="citation">
                  {t('decision.basis')}
                  {marks.colon}
                  {citationIn(r.cites, lang)}
                </Typography.Text>
              </span>
            </Space>
          </List.Item>
        )}
      />
      {decision.parameters.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {t('decision.parameters')}
          {marks.colon}
          {decision.parameters
            .map(
              (p) =>
                t('admin.parameterValue', {
                  label: p.label ? pick(p.label, lang) : t('decision.unnamedParameter'),
                  value: p.label ? formatParameterValue(p.value, p.label.unit, lang, t) : '',
                  region: regionName(p.region),
                  from: p.from,
                }) + (p.source === 'example' ? ` ${t('decision.example')}` : ''),
            )
            .join(marks.semicolon)}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
