import { citationIn } from '@huimin/policy/citations';
import { Descriptions, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../api/client.js';
import type { PolicyListing } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatParameterValue, pick, punctuation, todayInShanghai } from '../../components/format.js';
import { useRegionChoices, useRegionName, useRegions } from '../../components/regions-context.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import './policies-page.css';

/**
 * 就业补贴政策清单: every subsidy in force in a region on a date, with who, how much, the
 * materials, the process, the time limit and the article (181号 第二十三条 requires it public).
 * The page a visitor lands on, so it is drawn with the browser's own fields and a few of antd's
 * light parts: its first screen stays under 200 kB on a phone (issue 17; decision 027).
 */
export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can, account } = useSession();
  const applicantKind = account?.organisationId ? 'organisation' : 'person';
  const regions = useRegions();
  const choices = useRegionChoices(regions);
  const regionName = useRegionName();
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
    <div className="policies">
      <h1 className="policies-title">{t('policies.title')}</h1>
      <div className="policies-filters">
        <label htmlFor="policy-region">{t('common.region')}</label>
        {/* The browser's own fields: on a phone they open the system's pickers, and the first
            screen downloads no select or calendar widget (issue 17: the first page under 200 kB). */}
        <select id="policy-region" className="hm-field" value={region} onChange={(e) => setRegion(e.target.value)}>
          {regions.length === 0 ? <option value={region}>{regionName(region)}</option> : null}
          {choices.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <label htmlFor="policy-date">{t('common.date')}</label>
        <input
          id="policy-date"
          className="hm-field"
          type="date"
          value={date}
          required
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </div>
      <div data-testid="policy-search">
        <input
          type="search"
          className="hm-field large"
          placeholder={t('facts.phone.search')}
          aria-label={t('facts.phone.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <ErrorAlert error={error} />
      {data && inForce.length === 0 ? (
        <Empty description={wanted ? t('facts.phone.noMatch', { text: search.trim() }) : t('policies.none')} />
      ) : null}
      <div className="policies-list">
        {inForce.map((p) => (
          <section
            className="policy-card"
            key={p.id}
            data-testid={`policy-${p.id}`}
            aria-labelledby={`policy-name-${p.id}`}
          >
            <header>
              <h2 id={`policy-name-${p.id}`}>{pick(p.name, lang)}</h2>
              <span className="policy-tag">{t(`applicantKind.${p.applicant}`)}</span>
            </header>
            <div className="policy-card-body">
              {p.scheme ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('policies.who')}>{pick(p.scheme.who, lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('policies.standard')}>
                    {/* One block: the item's content is a flex row, which set the amounts beside the
                        standard as a narrow column (a character or two a line on a phone). */}
                    <div data-testid="policy-standard">
                      {pick(p.scheme.standard, lang)}
                      {p.scheme.parameters.length > 0 ? (
                        <div>
                          {p.scheme.parameters.map((v) => (
                            <span className="policy-parameter" key={v.parameter}>
                              {v.label
                                ? `${pick(v.label, lang)}${punctuation(lang).colon}${formatParameterValue(v.value, v.label.unit, lang, t)}`
                                : t('decision.unnamedParameter')}
                              {v.source === 'example' ? ` (${t('decision.example')})` : ''}
                            </span>
                          ))}
                        </div>
                      ) : null}
                    </div>
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
                  <Descriptions.Item label={t('decision.basis')}>
                    {citationIn(p.scheme.basis, i18n.language)}
                  </Descriptions.Item>
                </Descriptions>
              ) : null}
            </div>
            {can('application:own') ? (
              <footer>
                {/* A person cannot apply for what units apply for, nor a unit for a person's subsidy. */}
                {p.applicant === applicantKind ? (
                  <Link to={`/my/apply/${p.id}`}>{t('policies.apply')}</Link>
                ) : (
                  <span className="policy-applied-by">{t(`policies.appliedBy.${p.applicant}`)}</span>
                )}
              </footer>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  );
}
