import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell, RequirePermission } from './layout/app-shell.js';
import { ApplyPage } from './pages/applicant/apply-page.js';
import { MyApplicationsPage } from './pages/applicant/my-applications-page.js';
import { OffersPage } from './pages/applicant/offers-page.js';
import { ApplicationPage } from './pages/applications/application-page.js';
import { NoticePage } from './pages/applications/notice-page.js';
import { LoginPage } from './pages/auth/login-page.js';
import { RegisterPage } from './pages/auth/register-page.js';
import { AllocationPage } from './pages/finance/allocation-page.js';
import { DashboardPage } from './pages/finance/dashboard-page.js';
import { FundsPage } from './pages/finance/funds-page.js';
import { PaymentsPage } from './pages/finance/payments-page.js';
import { DisclosurePage } from './pages/public/disclosure-page.js';
import { PoliciesPage } from './pages/public/policies-page.js';
import { SelfCheckPage } from './pages/public/self-check-page.js';
import { TrainingPage } from './pages/public/training-page.js';
import { PersonPage, RegistryPage } from './pages/staff/registry-page.js';
import { WorkbenchPage } from './pages/staff/workbench-page.js';
import { AuditPage } from './pages/supervision/audit-page.js';
import { SweepsPage } from './pages/supervision/sweeps-page.js';

const READERS = ['application:own', 'application:read', 'application:create'];

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.pageNotFound')} />;
}

/** Every page and who may open it; the server checks again on every request. */
export function HuiminApp() {
  const guard = (permissions: string[], page: React.ReactNode) => <RequirePermission permissions={permissions}>{page}</RequirePermission>;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<PoliciesPage />} />
        <Route path="/self-check" element={<SelfCheckPage />} />
        <Route path="/gongshi" element={<DisclosurePage />} />
        <Route path="/training" element={<TrainingPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/my" element={<Navigate to="/my/applications" replace />} />
        <Route path="/my/applications" element={guard(['application:own'], <MyApplicationsPage />)} />
        <Route path="/my/apply/:subsidy?" element={guard(['application:own'], <ApplyPage />)} />
        <Route path="/my/offers" element={guard(['application:own'], <OffersPage />)} />
        <Route path="/applications/:id" element={guard(READERS, <ApplicationPage />)} />
        <Route path="/applications/:id/notice/:kind" element={guard(['application:read'], <NoticePage />)} />
        <Route path="/work" element={guard(['application:accept', 'application:review', 'application:approve', 'application:pay', 'application:create'], <WorkbenchPage />)} />
        <Route path="/registry" element={guard(['registry:read'], <RegistryPage />)} />
        <Route path="/registry/people/:id" element={guard(['registry:read'], <PersonPage />)} />
        <Route path="/finance/payments" element={guard(['application:pay'], <PaymentsPage />)} />
        <Route path="/finance/funds" element={guard(['funds:read'], <FundsPage />)} />
        <Route path="/finance/allocation" element={guard(['funds:manage', 'funds:read'], <AllocationPage />)} />
        <Route path="/supervision/dashboard" element={guard(['funds:read'], <DashboardPage />)} />
        <Route path="/supervision/sweeps" element={guard(['sweep:run'], <SweepsPage />)} />
        <Route path="/supervision/audit" element={guard(['audit:read'], <AuditPage />)} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}
