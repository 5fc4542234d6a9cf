import { Badge, Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { NotificationList } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatInstant } from '../../components/format.js';
import { unreadChanged } from '../../components/unread-changed.js';
import { useLoad } from '../../components/use-load.js';

/**
 * 消息通知: what happened to the applicant's applications, and the subsidies found for them without
 * applying (免申即享), with what to do next, newest first, as cards that read well on a phone.
 * Opening one marks it read; an offer's opens the offers page, where it is confirmed.
 */
export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, loading, reload } = useLoad(
    () => api<NotificationList>('GET', `/api/v1/notifications${unreadOnly ? '?unread=true' : ''}`),
    [unreadOnly, i18n.language],
  );
  const [actionError, setActionError] = useState<ApiError>();
  const run = async (call: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await call();
      reload();
      unreadChanged();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setActionError(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>
        {t('messages.title')} <Badge count={data?.unread ?? 0} data-testid="messages-unread" />
      </Typography.Title>
      <Space wrap>
        <Button onClick={() => setUnreadOnly(!unreadOnly)} data-testid="messages-filter">
          {unreadOnly ? t('messages.showAll') : t('messages.showUnread')}
        </Button>
        <Button
          disabled={!data?.unread}
          onClick={() => void run(() => api('POST', '/api/v1/notifications/read-all', {}))}
          data-testid="messages-read-all"
        >
          {t('messages.readAll')}
        </Button>
      </Space>
      <ErrorAlert error={error ?? actionError} />
      <List
        loading={loading}
        dataSource={data?.notifications ?? []}
        locale={{ emptyText: t('messages.none') }}
        renderItem={(n) => {
          // Where the message leads, and what its button says: what it is about.
          const [to, button] = n.applicationId
            ? [`/applications/${n.applicationId}`, 'messages.open']
            : n.referralId
              ? ['/my/jobs', 'messages.openReferral']
              : n.loanId
                ? ['/my/loans', 'messages.openLoan']
                : ['/my/offers', 'messages.openOffer'];
          return (
            // The buttons go under the message rather than beside it, where on a phone they would
            // squeeze the text into a column a word wide; both the size of the buttons above.
            <List.Item data-testid={`message-${n.kind}`}>
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={t(`messages.kinds.${n.kind}`)}
                description={
                  <Space orientation="vertical" size={8}>
                    <Space orientation="vertical" size={2}>
                      <Typography.Text data-testid="message-text">{n.message}</Typography.Text>
                      <Typography.Text type="secondary">
                        {n.applicationNumber ? `${n.applicationNumber} · ` : ''}
                        {formatInstant(n.createdAt)}
                      </Typography.Text>
                    </Space>
                    <Space wrap>
                      {/* A link (the router's hash address), so it opens in a new tab as links do. */}
                      <Button
                        href={`#${to}`}
                        onClick={() =>
                          void (n.readAt
                            ? undefined
                            : api('POST', `/api/v1/notifications/${n.id}/read`, {}).then(unreadChanged))
                        }
                        data-testid={`message-open-${n.id}`}
                      >
                        {t(button)}
                      </Button>
                      {n.readAt ? null : (
                        <Button
                          onClick={() => void run(() => api('POST', `/api/v1/notifications/${n.id}/read`, {}))}
                          data-testid={`message-read-${n.id}`}
                        >
                          {t('messages.markRead')}
                        </Button>
                      )}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
