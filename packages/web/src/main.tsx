import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { HuiminApp } from './app.js';
import { RegionsProvider } from './components/regions.js';
import { antdLocale, i18nReady } from './i18n/index.js';
import './print.css';
import { SessionProvider } from './session/session.js';

function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  dayjs.locale(en ? 'en' : 'zh-cn');
  document.documentElement.lang = i18n.language;
  return (
    <ConfigProvider locale={antdLocale(i18n.language) ?? zhCN} theme={{ token: { colorPrimary: '#c8102e' } }}>
      <AntApp>
        <SessionProvider>
          <RegionsProvider>
            <HashRouter>
              <HuiminApp />
            </HashRouter>
          </RegionsProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

// The page renders once the texts of its language are in, so no key is ever shown raw.
const root = document.getElementById('root');
if (root) {
  void i18nReady.then(() =>
    createRoot(root).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
}
