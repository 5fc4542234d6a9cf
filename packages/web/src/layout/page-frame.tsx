import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What every page past the first screen runs in: antd's App (the message, modal and notification
 * hooks a page reaches with `App.useApp()`) and the calendar's language. It loads with the first
 * such page (lazy-page.ts), so the policy list a visitor lands on does not download it.
 */
function PageFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn');
  return <AntApp>{children}</AntApp>;
}

/** The page inside its frame. */
export function framed(Page: ComponentType): ComponentType {
  return function FramedPage() {
    return (
      <PageFrame>
        <Page />
      </PageFrame>
    );
  };
}
