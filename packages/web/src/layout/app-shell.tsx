import type { Permission } from '../api/schema.js';
import { Button, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { setLanguage, type Language } from '../i18n/index.js';
import { PAGES } from '../pages.js';
import { homeOf, useSession } from '../session/session.js';
import { isStaff } from './staff-pages.js';

/** The frame of every page: the platform's name, what the account may open, language, who is logged in. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { account, can, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // On a phone (narrower than antd's `sm`, 576px) the bar keeps to the screen: the name shortens,
  // the languages are initials, the menu folds into its overflow button.
  const narrow = !Grid.useBreakpoint().sm;

  // Staff reach their work through the back office (StaffLayout); here they see the public pages and a way back.
  const staff = isStaff(account);
  const visible = PAGES.filter(
    (p) =>
      p.nav &&
      !(staff && p.group) &&
      (!p.permissions || can(...p.permissions)) &&
      (!p.menuFor || (account && p.menuFor(account))),
  ).map((p) => ({ path: p.path, label: t(`nav.${p.nav ?? ''}`) }));
  const selected = visible
    .map((i) => i.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="no-print"
        style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, paddingInline: narrow ? 8 : 16 }}
      >
        <Link
          to="/"
          style={{
            color: '#fff',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            minWidth: 0,
            maxWidth: narrow ? '30vw' : undefined,
          }}
        >
          {t('app.name')}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={visible.map((i) => ({ key: i.path, label: <Link to={i.path}>{i.label}</Link> }))}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space size={narrow ? 4 : 8}>
          <Segmented<Language>
            size="small"
            value={i18n.language as Language}
            onChange={(v) => setLanguage(v)}
            options={[
              { value: 'zh-CN', label: narrow ? '中' : '中文' },
              { value: 'en-US', label: narrow ? 'EN' : 'English' },
            ]}
            data-testid="language"
          />
          {staff && homeOf(account) !== '/' ? (
            <Button size="small" type="primary" onClick={() => navigate(homeOf(account))} data-testid="back-office">
              {t('backOffice.frame.title')}
            </Button>
          ) : null}
          {account ? (
            <>
              <span
                style={{
                  color: '#fff',
                  whiteSpace: 'nowrap',
                  display: 'inline-block',
                  verticalAlign: 'middle',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  maxWidth: narrow ? 64 : 200,
                }}
                title={account.displayName}
                data-testid="who"
              >
                {account.displayName}
              </span>
              <Button
                size="small"
                onClick={() => {
                  void logout().then(() => navigate('/'));
                }}
              >
                {t('auth.logout')}
              </Button>
            </>
          ) : (
            <Button size="small" type="primary" onClick={() => navigate('/login')}>
              {t('auth.login')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer className="no-print" style={{ textAlign: 'center', fontSize: 12 }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}

/** A page that needs a logged-in account with one of the permissions; otherwise it says so and offers the login. */
export function RequirePermission({ permissions, children }: { permissions: Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { account, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (account === undefined) return null;
  if (account === null)
    return (
      <Space orientation="vertical">
        <Typography.Text>{t('auth.needLogin')}</Typography.Text>
        <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}>
          {t('auth.login')}
        </Button>
      </Space>
    );
  if (!can(...permissions)) return <Typography.Text type="warning">{t('auth.notPermitted')}</Typography.Text>;
  return <>{children}</>;
}
