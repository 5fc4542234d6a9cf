import type { ReactNode } from 'react';
import type { Account } from './api/types.js';
import { isUnbound } from './session/session.js';
import { ApplyPage } from './pages/applicant/apply-page.js';
import { MyApplicationsPage } from './pages/applicant/my-applications-page.js';
import { OffersPage } from './pages/applicant/offers-page.js';
import { ApplicationPage } from './pages/applications/application-page.js';
import { NoticePage } from './pages/applications/notice-page.js';
import { IdentityPage } from './pages/auth/identity-page.js';
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
import { OutboxPage } from './pages/security/outbox-page.js';
import { RoleExceptionsPage } from './pages/security/role-exceptions-page.js';
import { ActivationPage } from './pages/staff/activation-page.js';
import { PersonPage, RegistryPage } from './pages/staff/registry-page.js';
import { WorkbenchPage } from './pages/staff/workbench-page.js';
import { CatalogueAdminPage } from './pages/training/catalogue-admin-page.js';
import { ClassPage } from './pages/training/class-page.js';
import { ClassesPage, OpenClassPage } from './pages/training/classes-page.js';
import { AuditPage } from './pages/supervision/audit-page.js';
import { SweepsPage } from './pages/supervision/sweeps-page.js';

export interface PageEntry {
  path: string;
  element: ReactNode;
  /** Open to anyone when absent; otherwise to an account holding any of these (the server checks again). */
  permissions?: string[];
  /** The menu entry's key under `nav.`, for pages in the menu. */
  nav?: string;
  /** Narrows who sees the menu entry beyond the permissions (the page itself stays open to them). */
  menuFor?: (account: Account) => boolean;
}

/** Training classes are run by the bureau and by institutions (unit accounts), not by people applying for themselves. */
const TRAINING_CLASSES = ['training:manage', 'application:own'];
const runsClasses = (a: Account) => a.permissions.includes('training:manage') || a.organisationId !== undefined;

/** Every page, who may open it and whether the menu shows it: the menu and the router read this one table. */
export const PAGES: readonly PageEntry[] = [
  { path: '/', element: <PoliciesPage />, nav: 'policies' },
  { path: '/self-check', element: <SelfCheckPage />, nav: 'selfCheck' },
  { path: '/gongshi', element: <DisclosurePage />, nav: 'disclosure' },
  { path: '/training', element: <TrainingPage />, nav: 'training' },
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  // 实名核验: in the menu only while an applicant account is not yet bound to its registry record.
  { path: '/identity', element: <IdentityPage />, permissions: ['identity:bind', 'self'], nav: 'identity', menuFor: isUnbound },
  { path: '/my/applications', element: <MyApplicationsPage />, permissions: ['application:own'], nav: 'myApplications' },
  { path: '/my/apply/:subsidy?', element: <ApplyPage />, permissions: ['application:own'] },
  { path: '/my/offers', element: <OffersPage />, permissions: ['application:own'], nav: 'myOffers' },
  { path: '/applications/:id', element: <ApplicationPage />, permissions: ['application:own', 'application:read', 'application:create'] },
  { path: '/applications/:id/notice/:kind', element: <NoticePage />, permissions: ['application:read'] },
  { path: '/work', element: <WorkbenchPage />, permissions: ['application:accept', 'application:review', 'application:approve', 'application:pay', 'application:create'], nav: 'workbench' },
  { path: '/training/classes', element: <ClassesPage />, permissions: TRAINING_CLASSES, nav: 'trainingClasses', menuFor: runsClasses },
  { path: '/training/classes/new', element: <OpenClassPage />, permissions: TRAINING_CLASSES },
  { path: '/training/classes/:id', element: <ClassPage />, permissions: TRAINING_CLASSES },
  { path: '/training/catalogues', element: <CatalogueAdminPage />, permissions: ['training:manage'], nav: 'trainingAdmin' },
  { path: '/registry', element: <RegistryPage />, permissions: ['registry:read'], nav: 'registry' },
  { path: '/registry/people/:id', element: <PersonPage />, permissions: ['registry:read'] },
  { path: '/registry/activation', element: <ActivationPage />, permissions: ['identity:verify'], nav: 'activation' },
  { path: '/finance/payments', element: <PaymentsPage />, permissions: ['application:pay'], nav: 'payments' },
  { path: '/finance/funds', element: <FundsPage />, permissions: ['funds:read'], nav: 'funds' },
  { path: '/finance/allocation', element: <AllocationPage />, permissions: ['funds:manage', 'funds:read'], nav: 'allocation' },
  { path: '/supervision/dashboard', element: <DashboardPage />, permissions: ['funds:read'], nav: 'dashboard' },
  { path: '/supervision/sweeps', element: <SweepsPage />, permissions: ['sweep:run'], nav: 'sweeps' },
  { path: '/supervision/audit', element: <AuditPage />, permissions: ['audit:read'], nav: 'audit' },
  { path: '/security/outbox', element: <OutboxPage />, permissions: ['security:manage'], nav: 'smsOutbox' },
  { path: '/security/role-exceptions', element: <RoleExceptionsPage />, permissions: ['security:manage'], nav: 'roleExceptions' },
];
