import { Button, Card, Col, Descriptions, Empty, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, query } from '../../api/client.js';
import type { PolicyListing } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatParameterValue, pick, todayInShanghai } from '../../components/format.js';
import { RegionSelect } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';

/**
 * 就业补贴政策清单: every subsidy in force in a region on a date, with who, how much, the
 * materials, the process, the time limit and the article (181号 第二十三条 requires it public).
 */
export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const [region, setRegion] = useState('510104');
  const [date, setDate] = useState(todayInShanghai());
  const { data, error } = useLoad(
    () => api<{ policies: PolicyListing[] }>('GET', `/api/v1/policies${query({ region, date })}`),
    [region, date, lang],
  );
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLowerCase();
  // Found by any words of its name, who it is for, its standard or its materials, in either language.
  const matches = (p: PolicyListing) =>
    !wanted ||
    [p.name, p.scheme?.who, p.scheme?.standard, ...(p.scheme?.materials ?? [])].some(
      (x) => x !== undefined && (x.zh.includes(wanted) || x.en.toLowerCase().includes(wanted)),
    );
  const inForce = (data?.policies ?? []).filter((p) => p.inForce && matches(p));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('policies.title')}</Typography.Title>
      <Space wrap>
        <label htmlFor="policy-region">{t('common.region')}</label>
        <RegionSelect id="policy-region" value={region} onChange={setRegion} />
        <label htmlFor="policy-date">{t('common.date')}</label>
        {/* The browser's own date field: on a phone it opens the system's picker, and the first
            screen does not download a calendar widget (issue 17: the first page under 200 kB). */}
        <Input
          id="policy-date"
          type="date"
          value={date}
          required
          style={{ width: 160 }}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </Space>
      <Input.Search
        allowClear
        size="large"
        placeholder={t('facts.phone.search')}
        aria-label={t('facts.phone.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="policy-search"
      />
      <ErrorAlert error={error} />
      {data && inForce.length === 0 ? (
        <Empty description={wanted ? t('facts.phone.noMatch', { text: search.trim() }) : t('policies.none')} />
      ) : null}
      <Row gutter={[16, 16]}>
        {inForce.map((p) => (
          <Col xs={24} lg={12} key={p.id}>
            <Card
              title={pick(p.name, lang)}
              extra={<Tag>{t(`applicantKind.${p.applicant}`)}</Tag>}
              data-testid={`policy-${p.id}`}
              actions={
                can('application:own')
                  ? [
                      <Button key="apply" type="link" onClick={() => navigate(`/my/apply/${p.id}`)}>
                        {t('policies.apply')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              {p.scheme ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('policies.who')}>{pick(p.scheme.who, lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('policies.standard')}>
                    {pick(p.scheme.standard, lang)}
                    {p.scheme.parameters.length > 0 ? (
                      <div>
                        {p.scheme.parameters.map((v) => (
                          <Typography.Text
                            type="secondary"
                            key={v.parameter}
                            style={{ display: 'block', fontSize: 12 }}
                          >
                            {v.label
                              ? `${pick(v.label, lang)}：${formatParameterValue(v.value, v.label.unit, lang, t)}`
                              : t('decision.unnamedParameter')}
                            {v.source === 'example' ? ` (${t('decision.example')})` : ''}
                          </Typography.Text>
                        ))}
                      </div>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.materials')}>
                    <ol style={{ margin: 0, paddingLeft: 18 }}>
                      {p.scheme.materials.map((m, i) => (
                        <li key={i}>{pick(m, lang)}</li>
                      ))}
                    </ol>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.process')}>{pick(p.process, lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('policies.timeLimit')}>
                    {p.timeLimitWorkingDays !== undefined
                      ? t('policies.workingDays', { count: p.timeLimitWorkingDays })
                      : t('policies.timeLimitNotSet')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.validity')}>
                    {p.scheme.from} – {p.scheme.to ?? t('policies.noEnd')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('decision.basis')}>{p.scheme.basis}</Descriptions.Item>
                </Descriptions>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
