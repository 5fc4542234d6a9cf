import { App, Button, Card, Empty, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { Application, Offer } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatFen, formatInstant } from '../../components/format.js';
import { useSubsidyNames } from '../../components/subsidy-names.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session/session.js';
import { periodText } from '../applications/period-text.js';
import { FactStandings, type PreviewAnswer } from './fact-needs.js';
import { offerStep, waitingOffers } from './offer-model.js';

const STATE_COLOUR: Record<string, string> = { open: 'gold', confirmed: 'green', filed: 'green', declined: 'default' };

/**
 * 主动服务: what the platform found this applicant qualifies for, each as a card that says how much,
 * why they were found, what confirming does and what follows; confirmed in one step, or declined.
 * Cards rather than a table, so a phone shows the whole offer and its buttons without scrolling sideways.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(() => api<{ offers: Offer[] }>('GET', '/api/v1/offers'), []);
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState<string>();

  const act = async (offer: Offer, what: 'confirmation' | 'declination') => {
    setActionError(undefined);
    setBusy(offer.id);
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
    } finally {
      setBusy(undefined);
    }
  };

  const offers = data?.offers ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 880 }} size="middle">
      <Typography.Title level={3}>{t('offers.title')}</Typography.Title>
      {/* Said while an offer waits for an answer; over answered ones only, it would promise what is done. */}
      {waitingOffers(offers).length > 0 ? (
        <Typography.Paragraph type="secondary">{t('offerCard.intro')}</Typography.Paragraph>
      ) : null}
      <ErrorAlert error={error ?? actionError} />
      {loading && !data ? <Spin /> : null}
      {data && offers.length === 0 ? (
        <Empty description={t('offers.none')} data-testid="offers-none">
          <Link to="/">{t('nav.policies')}</Link>
        </Empty>
      ) : null}
      {offers.map((o) => (
        <OfferCard
          key={o.id}
          offer={o}
          busy={busy === o.id}
          onConfirm={() => void act(o, 'confirmation')}
          onDecline={() => void act(o, 'declination')}
          onOpen={() => navigate(`/applications/${o.applicationId ?? ''}`)}
        />
      ))}
    </Space>
  );
}

function OfferCard({
  offer,
  busy,
  onConfirm,
  onDecline,
  onOpen,
}: {
  offer: Offer;
  busy: boolean;
  onConfirm: () => void;
  onDecline: () => void;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  const subsidyName = useSubsidyNames(account?.regionCode ?? '510000');
  const step = offerStep(offer);
  return (
    <Card
      size="small"
      data-testid={`offer-${offer.subsidy}`}
      title={
        <Space wrap size={8} style={{ whiteSpace: 'normal' }}>
          <span>{subsidyName(offer.subsidy)}</span>
          <Tag color={STATE_COLOUR[offer.state] ?? 'default'}>{t(`offers.states.${offer.state}`)}</Tag>
        </Space>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap align="baseline" size={12}>
          <Typography.Text type="secondary">{t('offerCard.amount')}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="offer-amount">
            {offer.amountFen !== undefined ? formatFen(offer.amountFen, i18n.language) : '—'}
          </Typography.Text>
          <Typography.Text type="secondary">{periodText(offer.periodKey, t)}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {t('offerCard.found', { date: formatInstant(offer.createdAt).slice(0, 10) })}
        </Typography.Text>
        {step === 'answer' ? (
          <>
            <Typography.Text strong>{t('offerCard.why')}</Typography.Text>
            {offer.personId ? (
              <WhyFound subsidy={offer.subsidy} />
            ) : (
              <Typography.Text>{t('offerCard.whyUnit')}</Typography.Text>
            )}
            <Typography.Text strong>{t('offerCard.whatNext')}</Typography.Text>
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="offer-next">
              <li>{t('offerCard.steps.confirm')}</li>
              <li>{t('offerCard.steps.review')}</li>
              <li>{t('offerCard.steps.pay')}</li>
            </ol>
            <Typography.Text type="secondary">{t('offerCard.declineNote')}</Typography.Text>
            <Space wrap>
              <Button type="primary" loading={busy} onClick={onConfirm} data-testid="offer-confirm">
                {t('offers.confirm')}
              </Button>
              <Popconfirm
                title={t('offerCard.declineConfirm')}
                description={t('offerCard.declineConfirmNote')}
                okText={t('offers.decline')}
                cancelText={t('common.cancel')}
                onConfirm={onDecline}
              >
                <Button disabled={busy} data-testid="offer-decline">
                  {t('offers.decline')}
                </Button>
              </Popconfirm>
            </Space>
          </>
        ) : (
          <Space wrap>
            {offer.state === 'confirmed' || offer.state === 'declined' || offer.state === 'filed' ? (
              <Typography.Text>{t(`offerCard.notes.${offer.state}`)}</Typography.Text>
            ) : null}
            {step === 'view' ? (
              <Button type="link" size="small" onClick={onOpen} data-testid="offer-application">
                {t('offers.viewApplication')}
              </Button>
            ) : null}
          </Space>
        )}
      </Space>
    </Card>
  );
}

/**
 * Why the sweep found this person: the facts the engine reads for the subsidy, each with the
 * dataset it was verified from, as the engine sees them today (the same preview an application shows).
 */
function WhyFound({ subsidy }: { subsidy: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad(
    () => api<PreviewAnswer>('POST', '/api/v1/applications/decision-preview', { subsidy, claim: {} }),
    [subsidy, i18n.language],
  );
  const facts = (data?.facts ?? []).filter((f) => f.entries.length > 0);
  return (
    <Spin spinning={loading}>
      <ErrorAlert error={error} />
      <Typography.Text type="secondary">{t('offerCard.whyPerson')}</Typography.Text>
      <FactStandings facts={facts} heading={false} />
    </Spin>
  );
}
