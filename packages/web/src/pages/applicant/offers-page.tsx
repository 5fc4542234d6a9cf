import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { Application, Offer } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen } from '../../components/format.js';
import { PHONE_SCROLL } from '../../components/table-scroll.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { periodText } from '../applications/period-text.js';

/** 主动服务: what the platform found this applicant qualifies for; confirmed in one step, or declined. */
export function OffersPage() {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const subsidyName = useSubsidyNames(account?.regionCode ?? '510000');
  const { data, error, loading, reload } = useLoad(() => api<{ offers: Offer[] }>('GET', '/api/v1/offers'), []);
  const [actionError, setActionError] = useState<ApiError>();

  const act = async (offer: Offer, what: 'confirmation' | 'declination') => {
    setActionError(undefined);
    try {
      if (what === 'confirmation') {
        const application = await api<Application>('POST', `/api/v1/offers/${offer.id}/confirmation`, {});
        void message.success(t('offers.confirmed'));
        navigate(`/applications/${application.id}`);
      } else {
        await api<Offer>('POST', `/api/v1/offers/${offer.id}/declination`, {});
        void message.info(t('offers.declined'));
        reload();
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setActionError(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('offers.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('offers.intro')}</Typography.Paragraph>
      <ErrorAlert error={error ?? actionError} />
      <Table<Offer>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.offers ?? []}
        locale={{ emptyText: t('offers.none') }}
        scroll={{ x: PHONE_SCROLL }}
        columns={[
          { title: t('application.subsidy'), render: (_, o) => subsidyName(o.subsidy) },
          { title: t('offers.period'), render: (_, o) => periodText(o.periodKey, t) },
          {
            title: t('application.amount'),
            align: 'right',
            render: (_, o) => (o.amountFen !== undefined ? formatFen(o.amountFen, i18n.language) : '—'),
          },
          { title: t('common.status'), render: (_, o) => <Tag>{t(`offers.states.${o.state}`)}</Tag> },
          {
            title: t('common.actions'),
            render: (_, o) =>
              o.state === 'open' ? (
                <Space>
                  <Button type="primary" size="small" onClick={() => void act(o, 'confirmation')}>
                    {t('offers.confirm')}
                  </Button>
                  <Button size="small" onClick={() => void act(o, 'declination')}>
                    {t('offers.decline')}
                  </Button>
                </Space>
              ) : o.applicationId ? (
                <Button type="link" size="small" onClick={() => navigate(`/applications/${o.applicationId ?? ''}`)}>
                  {t('offers.viewApplication')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
