import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from './components/page-loading.js';
import { loadAllTexts } from './i18n/index.js';
import { AppShell, RequirePermission } from './layout/app-shell.js';
import { inBackOffice } from './layout/staff-pages.js';
import { PAGES } from './pages.js';
import { useSession } from './session/session.js';

/** The back office's frame (Ant Design Pro) loads with the first staff page, not for the public site. */
const StaffLayout = lazy(async () => {
  const [module] = await Promise.all([import('./layout/staff-layout.js'), loadAllTexts()]);
  return { default: module.StaffLayout };
});

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="hm-result">
      <p className="hm-result-code">404</p>
      <h1>{t('errors.pageNotFound')}</h1>
      <Link to="/">{t('nav.policies')}</Link>
    </section>
  );
}

export function HuiminApp() {
  const { account } = useSession();
  const { pathname } = useLocation();
  // Staff work in the back office's frame; the public site and the applicant's pages keep their own.
  const Frame = inBackOffice(account, pathname) ? StaffLayout : AppShell;
  return (
    <Suspense fallback={<PageLoading />}>
      <Frame>
        {/* Pages load when first opened (pages.tsx); the menu stays while one arrives. */}
        <Suspense fallback={<PageLoading />}>
          <Routes>
            {PAGES.map((p) => (
              <Route
                key={p.path}
                path={p.path}
                element={
                  p.permissions ? (
                    <RequirePermission permissions={p.permissions} {...(p.onlyFor ? { onlyFor: p.onlyFor } : {})}>
                      {p.element}
                    </RequirePermission>
                  ) : (
                    p.element
                  )
                }
              />
            ))}
            <Route path="/my" element={<Navigate to="/my/applications" replace />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Frame>
    </Suspense>
  );
}
