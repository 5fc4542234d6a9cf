/**
 * Tells the frame that the account's unread messages changed here (one read, all read), so the
 * count in its menu is read again at once rather than on the next page opened.
 */
const EVENT = 'huimin:unread-changed';

export function unreadChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `changed` whenever a page says the unread messages changed; returns the unsubscribe. */
export function onUnreadChanged(changed: () => void): () => void {
  window.addEventListener(EVENT, changed);
  return () => window.removeEventListener(EVENT, changed);
}
