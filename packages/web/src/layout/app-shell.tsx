import { api } from '../api/client.js';
import type { Account, Permission } from '../api/schema.js';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { setLanguage, type Language } from '../i18n/index.js';
import { offeredTo, PAGES } from '../pages.js';
import { homeOf, isUnbound, useSession } from '../session/session.js';
import { isStaff } from './staff-pages.js';
import { onUnreadChanged } from '../components/unread-changed.js';

/** Below antd's `sm` breakpoint (576px): a phone. */
const PHONE = '(max-width: 575.98px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const changed = () => setNarrow(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}

/**
 * How many of the account's messages are unread, read again on every page it opens and whenever a
 * page marks messages read: null for a visitor or an account with no message list.
 */
function useUnread(may: boolean, pathname: string): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  const [marked, setMarked] = useState(0);
  useEffect(() => onUnreadChanged(() => setMarked((n) => n + 1)), []);
  useEffect(() => {
    if (!may) {
      setUnread(null);
      return;
    }
    let current = true;
    api<{ unread: number }>('GET', '/api/v1/notifications?unread=true&limit=1').then(
      (list) => current && setUnread(list.unread),
      // A count is a courtesy: a failed read leaves the menu as it was.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [may, pathname, marked]);
  return unread;
}

/**
 * The frame of the public site and the applicant's pages: the platform's name, what the account
 * may open, language, who is logged in. Plain HTML in antd's look (frame.css), as it is part of
 * the first screen a phone downloads (issue 17; decision 027).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { account, can, logout, runs } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // On a phone the bar keeps to the screen: the name shortens, the languages are initials, the
  // menu folds behind a button.
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const unread = useUnread(!!account && can('application:own'), location.pathname);
  const unreadSaid = unread ? t('nav.unread', { count: unread }) : '';

  // Staff reach their work through the back office (StaffLayout); here they see the public pages and a way back.
  const staff = isStaff(account);
  const visible = PAGES.filter(
    (p) =>
      p.nav &&
      !(staff && p.group) &&
      (!p.permissions || can(...p.permissions)) &&
      (!account || offeredTo(p, account, runs)),
  ).map((p) => ({ path: p.path, label: t(`nav.${p.nav ?? ''}`) }));
  const selected = visible
    .map((i) => i.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .sort((a, b) => b.length - a.length)[0];
  const languages: [Language, string][] = [
    ['zh-CN', narrow ? '中' : '中文'],
    ['en-US', narrow ? 'EN' : 'English'],
  ];

  return (
    <div className="hm-site">
      <header className="hm-header no-print">
        <Link to="/" className="hm-brand" title={narrow ? t('app.name') : undefined}>
          {narrow ? t('app.shortName') : t('app.name')}
        </Link>
        <button
          type="button"
          className="hm-button on-dark hm-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          aria-label={unread ? `${t('nav.menu')}${t('nav.unreadAside', { count: unread })}` : t('nav.menu')}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ☰{unread ? <span className="hm-dot" aria-hidden="true" /> : null}
        </button>
        <nav id="site-menu" className={menuOpen ? 'hm-nav open' : 'hm-nav'} data-testid="site-menu">
          {visible.map((i) => (
            <Link key={i.path} to={i.path} aria-current={i.path === selected ? 'page' : undefined}>
              {i.label}
              {i.path === '/my/messages' && unread ? (
                <span className="hm-count" title={unreadSaid} data-testid="unread-count">
                  {unread > 99 ? '99+' : unread}
                </span>
              ) : null}
            </Link>
          ))}
        </nav>
        <div className="hm-tools">
          <div className="hm-switch" role="group" aria-label={t('nav.language')} data-testid="language">
            {languages.map(([value, label]) => (
              <button
                key={value}
                type="button"
                lang={value}
                aria-pressed={i18n.language === value}
                onClick={() => setLanguage(value)}
              >
                {label}
              </button>
            ))}
          </div>
          {staff && homeOf(account) !== '/' ? (
            <button
              type="button"
              className="hm-button small primary"
              onClick={() => navigate(homeOf(account))}
              data-testid="back-office"
            >
              {t('backOffice.frame.title')}
            </button>
          ) : null}
          {account ? (
            <>
              <span className="hm-who" title={account.displayName} data-testid="who">
                {account.displayName}
              </span>
              <button
                type="button"
                className="hm-button small"
                onClick={() => {
                  void logout().then(() => navigate('/'));
                }}
              >
                {t('auth.logout')}
              </button>
            </>
          ) : (
            <Link className="hm-button small primary" to="/login">
              {t('auth.login')}
            </Link>
          )}
        </div>
      </header>
      <main className="hm-main">{children}</main>
      <footer className="hm-footer no-print">{t('app.footer')}</footer>
    </div>
  );
}

/** A page that needs a logged-in account with one of the permissions; otherwise it says so and offers the login. */
export function RequirePermission({
  permissions,
  onlyFor,
  children,
}: {
  permissions: Permission[];
  onlyFor?: (account: Account) => boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { account, can } = useSession();
  const location = useLocation();
  if (account === undefined) return null;
  if (account === null)
    return (
      <section className="hm-result">
        <p>{t('auth.needLogin')}</p>
        <Link className="hm-button primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('auth.login')}
        </Link>
      </section>
    );
  // An applicant's account not yet bound to its record may do nothing else: say what comes first.
  if (!can(...permissions) && isUnbound(account))
    return (
      <section className="hm-result">
        <p>{t('auth.bindFirst')}</p>
        <Link className="hm-button primary" to="/identity" data-testid="bind-first">
          {t('nav.identity')}
        </Link>
      </section>
    );
  if (!can(...permissions)) return <p className="hm-result">{t('auth.notPermitted')}</p>;
  if (onlyFor && !onlyFor(account))
    return (
      <section className="hm-result">
        <p>{t(account.organisationId === undefined ? 'auth.unitsOnly' : 'auth.peopleOnly')}</p>
        <Link className="hm-button" to={homeOf(account)} data-testid="not-for-account">
          {t('auth.backHome')}
        </Link>
      </section>
    );
  return <>{children}</>;
}
