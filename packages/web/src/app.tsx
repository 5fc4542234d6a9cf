import { Result } from 'antd';
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
      <Routes>
        {PAGES.map((p) => (
          <Route key={p.path} path={p.path} element={p.permissions ? <RequirePermission permissions={p.permissions}>{p.element}</RequirePermission> : p.element} />
        ))}
        <Route path="/my" element={<Navigate to="/my/applications" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}
