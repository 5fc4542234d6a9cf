import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell, RequirePermission } from './layout/app-shell.js';
import { inBackOffice } from './layout/staff-pages.js';
import { PAGES } from './pages.js';
import { useSession } from './session/session.js';

/** The back office's frame (Ant Design Pro) loads with the first staff page, not for the public site. */
const StaffLayout = lazy(() => import('./layout/staff-layout.js').then((m) => ({ default: m.StaffLayout })));

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.pageNotFound')} />;
}

export function HuiminApp() {
  const { account } = useSession();
  const { pathname } = useLocation();
  // Staff work in the back office's frame; the public site and the applicant's pages keep their own.
  const Frame = inBackOffice(account, pathname) ? StaffLayout : AppShell;
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
      <Frame>
        {/* Pages load when first opened (pages.tsx); the menu stays while one arrives. */}
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
          <Routes>
            {PAGES.map((p) => (
              <Route
                key={p.path}
                path={p.path}
                element={
                  p.permissions ? (
                    <RequirePermission permissions={p.permissions}>{p.element}</RequirePermission>
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
