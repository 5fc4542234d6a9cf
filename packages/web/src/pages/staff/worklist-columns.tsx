import type { ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_STATES } from '../../api/application-states.js';
import { api, query } from '../../api/client.js';
import type { Application, PolicyListing } from '../../api/schema.js';
import { pick, todayInShanghai } from '../../components/format.js';
import { useRegionName, useRegions } from '../../components/regions.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { DecidedAmount } from '../applications/decided-amount.js';
import { StateTag } from '../applications/state-tag.js';

/**
 * The worklist's columns and its search form in one: what each column shows, which ones sort on
 * the server, and the form's fields (name / ID / number, subsidy, region within the account's own,
 * state, submission dates) — every option by its label in the page's language.
 */
export function useWorklistColumns(): ProColumns<Application>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account } = useSession();
  const regionName = useRegionName();
  const regions = useRegions();
  const region = account?.regionCode ?? '000000';
  const policies = useLoad(
    () => api<{ policies: PolicyListing[] }>('GET', `/api/v1/policies${query({ region, date: todayInShanghai() })}`),
    [region],
  );
  const scopePrefix = region.replace(/(00)+$/, '');
  const regionOptions = regions
    .filter((r) => r.code !== region && r.code.startsWith(scopePrefix) && region !== '000000')
    .map((r) => ({ value: r.code, label: lang === 'en-US' ? r.nameEn : r.nameZh }));

  return [
    {
      title: t('backOffice.worklist.search'),
      dataIndex: 'search',
      hideInTable: true,
      // Two columns wide: its label is long in English, and a one-column box kept only "T…" of its hint.
      colSize: 2,
      fieldProps: { placeholder: t('backOffice.worklist.searchHint'), 'data-testid': 'worklist-search' },
    },
    {
      title: t('application.number'),
      dataIndex: 'number',
      sorter: true,
      search: false,
      // On one line: 510104-2026-0000090 broken at its hyphens read as three numbers.
      render: (_, a) => (
        <Link to={`/applications/${a.id}`} className="nowrap">
          {a.number}
        </Link>
      ),
    },
    {
      title: t('application.subsidy'),
      dataIndex: 'subsidy',
      valueType: 'select',
      valueEnum: Object.fromEntries((policies.data?.policies ?? []).map((p) => [p.id, { text: pick(p.name, lang) }])),
      render: (_, a) => pick(a.subsidyName, lang),
    },
    {
      title: t('application.applicant'),
      dataIndex: 'applicant',
      search: false,
      render: (_, a) => `${a.applicant.name} ${a.applicant.identifier}`,
    },
    {
      title: t('common.region'),
      dataIndex: 'region',
      valueType: 'select',
      fieldProps: { options: regionOptions },
      ...(regionOptions.length === 0 ? { search: false as const } : {}),
      render: (_, a) => regionName(a.regionCode),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(APPLICATION_STATES.map((s) => [s, { text: t(`states.${s}`) }])),
      // Named as the status filter names it ("To accept"), in the colour the application page uses.
      render: (_, a) => {
        const label = t(`states.${a.state}`);
        return <StateTag application={{ state: a.state, stateName: { zh: label, en: label } }} />;
      },
    },
    {
      title: t('backOffice.worklist.submitted'),
      dataIndex: 'submittedOn',
      valueType: 'dateRange',
      sorter: true,
      search: { transform: (v: [string, string]) => ({ submittedFrom: v[0], submittedTo: v[1] }) },
      render: (_, a) => a.submittedOn ?? '—',
    },
    {
      title: t('application.dueOn'),
      dataIndex: 'dueOn',
      sorter: true,
      search: false,
      // A claim in publicity (公示) waits for the period, not a step's deadline: it says until when.
      render: (_, a) => {
        const inPublicity = a.state === 'publicised' && a.publicityEndsOn;
        if (!a.dueOn && !inPublicity) return '—';
        return (
          <span>
            {a.dueOn} {a.overdue ? <Tag color="red">{t('application.overdue')}</Tag> : null}
            {a.publicityEnded ? (
              <Tag color="green">{t('application.publicityEnded')}</Tag>
            ) : inPublicity ? (
              <Typography.Text type="secondary">
                {t('application.publicityUntil', { date: a.publicityEndsOn })}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    {
      title: t('backOffice.worklist.decided'),
      dataIndex: 'decidedFen',
      align: 'right',
      search: false,
      render: (_, a) => <DecidedAmount application={a} />,
    },
  ];
}
