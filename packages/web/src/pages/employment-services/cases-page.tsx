import { Button, Card, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, query } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useRegionName } from '../../components/regions.js';
import { StaffTable } from '../../components/staff-table.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { type AssistanceCase, type Households } from './employment-common.js';
import { useCaseColumns } from './employment-columns.js';
import { contactLine } from './contact-line.js';
import { LogContactModal } from './log-contact-modal.js';

export { CaseState, PromiseText } from './case-state.js';

const VIEWS = ['mine', 'open', 'overdue', 'all'] as const;
const KINDS = ['graduate', 'hard-to-employ', 'zero-employment-household'] as const;
type View = (typeof VIEWS)[number];

/** What a view asks the server for. */
function filterOf(view: View, kind: string | undefined) {
  return {
    kind,
    ...(view === 'mine'
      ? { mine: true, open: true }
      : view === 'open'
        ? { open: true }
        : view === 'overdue'
          ? { overdue: true }
          : {}),
  };
}

/** 就业援助: the case lists (mine, open, overdue), the service log, the Excel export, 动态清零 by district. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const regionName = useRegionName();
  const mayWork = account?.permissions.includes('assistance:work') ?? false;
  const [view, setView] = useState<View>(mayWork ? 'mine' : 'open');
  const [kind, setKind] = useState<string>();
  const filter = filterOf(view, kind);
  const list = useLoad(
    () => api<{ cases: AssistanceCase[] }>('GET', `/api/v1/employment-services/cases${query(filter)}`),
    [view, kind],
  );
  const households = useLoad(() => api<Households>('GET', '/api/v1/employment-services/households'), []);
  const [logging, setLogging] = useState<AssistanceCase>();
  const cases = list.data?.cases ?? [];
  const columns = useCaseColumns(
    cases,
    mayWork
      ? (c) =>
          c.closedOn ? null : (
            <Button size="small" data-testid={`log-${c.name}`} onClick={() => setLogging(c)}>
              {t('employment.cases.log')}
            </Button>
          )
      : undefined,
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('employment.cases.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('employment.cases.intro')}</Typography.Paragraph>
      <Card size="small" title={t('employment.cases.households')} data-testid="households">
        {households.data && households.data.regions.length === 0 ? (
          <Typography.Text>{t('employment.cases.householdsNone')}</Typography.Text>
        ) : null}
        {households.data?.regions.map((r) => (
          <Tag key={r.regionCode} color="orange">
            {t('employment.cases.householdsOpen', { region: regionName(r.regionCode), count: r.open })}
          </Tag>
        ))}
      </Card>
      <ErrorAlert error={list.error} />
      <StaffTable<AssistanceCase>
        emptyText={t('empty.cases')}
        rowKey="id"
        loading={list.loading}
        rows={cases}
        columns={columns}
        reload={list.reload}
        search={{
          placeholder: t('backOffice.lists.people'),
          texts: (c) => [c.name, c.community, c.caseWorkerName],
          testId: 'cases-search',
        }}
        toolbar={[
          <Segmented
            key="view"
            value={view}
            onChange={(v) => setView(v)}
            options={VIEWS.filter((v) => v !== 'mine' || mayWork).map((v) => ({
              value: v,
              label: t(`employment.cases.views.${v}`),
            }))}
          />,
          <Select
            key="kind"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('employment.cases.kind')}
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`employment.caseKinds.${k}`) }))}
          />,
          // The server's sheet of the view and kind chosen, with every contact of each case.
          <Button
            key="export"
            onClick={() =>
              void download(`/api/v1/employment-services/cases.xlsx${query(filter)}`, 'assistance-cases.xlsx')
            }
          >
            {t('common.exportExcel')}
          </Button>,
        ]}
        expandable={{
          rowExpandable: (c) => c.contacts.length > 0,
          expandedRowRender: (c) => (
            <List
              size="small"
              header={t('employment.cases.contacts')}
              dataSource={c.contacts}
              renderItem={(x) => (
                <List.Item>
                  {contactLine(x.happenedOn, t(`employment.contactKinds.${x.kind}`), x.note, i18n.language)}
                </List.Item>
              )}
            />
          ),
        }}
        testId="cases"
      />
      {logging ? (
        <LogContactModal
          assistanceCase={logging}
          onClose={() => setLogging(undefined)}
          onLogged={() => {
            setLogging(undefined);
            list.reload();
            households.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
