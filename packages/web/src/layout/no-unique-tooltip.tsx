import type { ReactNode } from 'react';

/**
 * Stands in for antd's tooltip `UniqueProvider` in its ConfigProvider (see vite.config.ts): this
 * app never turns on `tooltip.unique`, so the provider only ever passes its children through.
 */
export default function NoUniqueTooltip({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
