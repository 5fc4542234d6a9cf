import { useEffect } from 'react';
import { api } from '../../api/client.js';
import type { NotificationList } from '../../api/schema.js';
import { unreadChanged } from '../../components/unread-changed.js';

/**
 * The applicant's unread messages about this application are read once they open it: a 需补正
 * message still unread after the correction was sent back kept asking for it.
 */
export function useNoticesReadOn(applicationId: string, own: boolean): void {
  useEffect(() => {
    if (!own) return;
    void api<NotificationList>('GET', '/api/v1/notifications?unread=true&limit=100')
      .then(async (list) => {
        const about = list.notifications.filter((n) => n.applicationId === applicationId);
        for (const n of about) await api('POST', `/api/v1/notifications/${n.id}/read`, {});
        if (about.length > 0) unreadChanged();
      })
      // Marking read is a courtesy: a failure leaves the messages as they were.
      .catch(() => undefined);
  }, [applicationId, own]);
}
