import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { HuiminApp } from './app.js';
import { RegionsProvider } from './components/regions-context.js';
import { antdLocale, i18nReady } from './i18n/index.js';
import './layout/frame.css';
import './print.css';
import { useReducedMotion } from './components/reduced-motion.js';
import { SessionProvider } from './session/session.js';

/**
 * The bureau's red for actions and the menu; a field being typed in is outlined in blue, because a
 * red outline is how a field says it is wrong (antd's error red is close to the bureau's).
 */
const FOCUS = { activeBorderColor: '#2f54eb', hoverBorderColor: '#597ef7' };
const FOCUS_SHADOW = '0 0 0 2px rgba(47, 84, 235, 0.12)';
const THEME = {
  token: { colorPrimary: '#c8102e' },
  components: {
    Input: { ...FOCUS, activeShadow: FOCUS_SHADOW },
    InputNumber: { ...FOCUS, activeShadow: FOCUS_SHADOW },
    DatePicker: { ...FOCUS, activeShadow: FOCUS_SHADOW },
    Select: { ...FOCUS, activeOutlineColor: 'rgba(47, 84, 235, 0.12)' },
  },
};

/** The same, for a reader who asked for less motion: antd's dialogs, drawers and menus do not animate. */
const STILL_THEME = { ...THEME, token: { ...THEME.token, motion: false } };

// antd's App (message, modal) and the calendar's language come with the first page past the
// policy list (layout/page-frame.tsx), so the first screen does not download them.
function Root() {
  const { i18n } = useTranslation();
  const still = useReducedMotion();
  document.documentElement.lang = i18n.language;
  return (
    <ConfigProvider
      locale={antdLocale(i18n.language) ?? zhCN}
      theme={still ? STILL_THEME : THEME}
      // A confirmation's question wraps inside a phone's screen, clear of its edges: antd keeps the
      // popup's box on screen, flush with the edge, so the box carries its own margin as padding.
      popconfirm={{ styles: { root: { maxWidth: 'min(384px, 100vw)', paddingInline: 12 } } }}
      // antd says 请输入… of every empty field, a list to choose from too: ours fits both.
      // Out of bounds, a number is refused under its field (components/valid-values.ts `inRange`).
      form={{
        validateMessages: {
          required: i18n.t('validation.requiredLabel'),
          number: {
            min: i18n.t('validation.numberMin'),
            max: i18n.t('validation.numberMax'),
            range: i18n.t('validation.numberRange'),
          },
        },
      }}
    >
      <SessionProvider>
        <RegionsProvider>
          <HashRouter>
            <HuiminApp />
          </HashRouter>
        </RegionsProvider>
      </SessionProvider>
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
