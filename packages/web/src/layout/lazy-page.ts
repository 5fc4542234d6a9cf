import { lazy, type ComponentType } from 'react';
import { loadAllTexts } from '../i18n/index.js';

/**
 * A page loaded when first opened, together with what every page but the landing one needs: its
 * frame (page-frame.tsx) and the texts of every desk in the page's language. The first screen (the
 * policy list) downloads none of it; issue 17 wants it under 200 kB on a phone.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const [module, { framed }] = await Promise.all([load(), import('./page-frame.js'), loadAllTexts()]);
    return { default: framed(module[name]) };
  });
}
