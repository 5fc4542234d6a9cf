import { Result, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell, RequirePermission } from './layout/app-shell.js';
import { PAGES } from './pages.js';

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.pageNotFound')} />;
}

export function HuiminApp() {
  return (
    <AppShell>
      {/* Pages load when first opened (pages.tsx); the menu stays while one arrives. */}
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
      <Routes>
        {PAGES.map((p) => (
          <Route key={p.path} path={p.path} element={p.permissions ? <RequirePermission permissions={p.permissions}>{p.element}</RequirePermission> : p.element} />
        ))}
        <Route path="/my" element={<Navigate to="/my/applications" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
      </Suspense>
    </AppShell>
  );
}
