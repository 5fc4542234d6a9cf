import { useSyncExternalStore } from 'react';

/**
 * Whether the reader asked their system for less motion (WCAG 2.3.3, 动画减弱): then dialogs, drawers
 * and menus appear where they end rather than zoom or slide in, and charts are drawn finished. It
 * also means a click right after a dialog opens lands on the dialog as it will stay, not on one
 * still growing into place.
 */
const QUERY = '(prefers-reduced-motion: reduce)';

const media = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;

export function prefersReducedMotion(): boolean {
  return media()?.matches ?? false;
}

function subscribe(changed: () => void): () => void {
  const list = media();
  list?.addEventListener('change', changed);
  return () => list?.removeEventListener('change', changed);
}

/** `prefersReducedMotion`, followed as the reader changes the setting. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
