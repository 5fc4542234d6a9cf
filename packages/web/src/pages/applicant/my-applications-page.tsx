import { Alert, Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session.js';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import type { Application, Offer } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { DecidedAmount } from '../applications/decided-amount.js';
import { StateTag } from '../applications/state-tag.js';
import { waitingOffers } from './offer-model.js';

/** "Where is my claim": every application of this applicant, its state and its deadline. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  // On a phone, one card per application rather than a table to scroll sideways.
  const narrow = !Grid.useBreakpoint().md;
  const { data, error, loading } = useLoad(
    () => api<{ total: number; applications: Application[] }>('GET', '/api/v1/applications?limit=200'),
    [],
  );
  // Offers the sweep made (政策找人) wait on another page: said here, where the applicant lands, so
  // a person the platform found is not met by an empty list and a hint to go and look for subsidies.
  const offers = useLoad(() => api<{ offers: Offer[] }>('GET', '/api/v1/offers?state=open'), []);
  const waiting = waitingOffers(offers.data?.offers ?? []).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('myApplications.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => navigate('/my/apply')} data-testid="new-application">
          {t('myApplications.new')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {waiting > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="offers-waiting"
          title={t('offerCard.pending', { count: waiting })}
          action={
            <Button size="small" type="primary" onClick={() => navigate('/my/offers')}>
              {t('offerCard.pendingAction')}
            </Button>
          }
        />
      ) : null}
      {narrow ? (
        <List<Application>
          loading={loading}
          dataSource={data?.applications ?? []}
          locale={{ emptyText: <NoApplications /> }}
          data-testid="my-applications-cards"
          renderItem={(a) => (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card size="small" style={{ width: '100%' }} onClick={() => navigate(`/applications/${a.id}`)} hoverable>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
                    <Typography.Text strong>{pick(a.subsidyName, lang)}</Typography.Text>
                    <StateTag application={a} />
                  </Space>
                  <Link to={`/applications/${a.id}`}>{a.number}</Link>
                  <Space wrap size={12}>
                    {a.decidedFen !== undefined || a.decidedStatus ? (
                      <span>
                        <DecidedAmount application={a} />
                      </span>
                    ) : null}
                    {a.dueOn ? (
                      <Typography.Text type="secondary">
                        {t('application.dueOn')} {a.dueOn}{' '}
                        {a.overdue ? <Tag color="red">{t('application.overdue')}</Tag> : null}
                      </Typography.Text>
                    ) : null}
                  </Space>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Application>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={data?.applications ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: <NoApplications /> }}
          columns={[
            {
              title: t('application.number'),
              render: (_, a) => (
                <Link to={`/applications/${a.id}`} className="nowrap">
                  {a.number}
                </Link>
              ),
            },
            { title: t('application.subsidy'), render: (_, a) => pick(a.subsidyName, lang) },
            { title: t('common.status'), render: (_, a) => <StateTag application={a} /> },
            {
              title: t('application.dueOn'),
              render: (_, a) =>
                a.dueOn ? (
                  <span>
                    {a.dueOn} {a.overdue ? <Tag color="red">{t('application.overdue')}</Tag> : null}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('application.amount'),
              align: 'right',
              render: (_, a) => <DecidedAmount application={a} />,
            },
          ]}
        />
      )}
    </Space>
  );
}

/** No application yet: where to find what one may apply for, as a link rather than a name to look for. */
function NoApplications() {
  const { t } = useTranslation();
  const { account } = useSession();
  // The calculator asks about a person; a unit finds its subsidies in the policy list.
  const unit = account?.organisationId !== undefined;
  return (
    <span>
      {t('myApplications.none')}{' '}
      <Link to={unit ? '/' : '/self-check'}>{t(unit ? 'myApplications.unitPolicies' : 'myApplications.tryCheck')}</Link>
    </span>
  );
}
