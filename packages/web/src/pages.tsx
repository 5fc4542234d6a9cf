import type { ReactNode } from 'react';
import type { Account, Permission } from './api/schema.js';
import { lazyPage } from './layout/lazy-page.js';
import { isUnbound, type AccountRuns } from './session/session.js';
import { PoliciesPage } from './pages/public/policies-page.js';

// Every page but the landing one is loaded when first opened (layout/lazy-page.ts), so the first
// screen downloads only what the policy list needs (a phone on a slow network sees it sooner).
const ApplyPage = lazyPage(() => import('./pages/applicant/apply-page.js'), 'ApplyPage');
const MyApplicationsPage = lazyPage(() => import('./pages/applicant/my-applications-page.js'), 'MyApplicationsPage');
const OffersPage = lazyPage(() => import('./pages/applicant/offers-page.js'), 'OffersPage');
const MessagesPage = lazyPage(() => import('./pages/applicant/messages-page.js'), 'MessagesPage');
const ApplicationPage = lazyPage(() => import('./pages/applications/application-page.js'), 'ApplicationPage');
const NoticePage = lazyPage(() => import('./pages/applications/notice-page.js'), 'NoticePage');
const IdentityPage = lazyPage(() => import('./pages/auth/identity-page.js'), 'IdentityPage');
const LoginPage = lazyPage(() => import('./pages/auth/login-page.js'), 'LoginPage');
const RegisterPage = lazyPage(() => import('./pages/auth/register-page.js'), 'RegisterPage');
const AllocationPage = lazyPage(() => import('./pages/finance/allocation-page.js'), 'AllocationPage');
const DashboardPage = lazyPage(() => import('./pages/finance/dashboard-page.js'), 'DashboardPage');
const FundsPage = lazyPage(() => import('./pages/finance/funds-page.js'), 'FundsPage');
const BatchPage = lazyPage(() => import('./pages/finance/batch-page.js'), 'BatchPage');
const PaymentsPage = lazyPage(() => import('./pages/finance/payments-page.js'), 'PaymentsPage');
const DisclosurePage = lazyPage(() => import('./pages/public/disclosure-page.js'), 'DisclosurePage');
const SelfCheckPage = lazyPage(() => import('./pages/public/self-check-page.js'), 'SelfCheckPage');
const TrainingPage = lazyPage(() => import('./pages/public/training-page.js'), 'TrainingPage');
const OutboxPage = lazyPage(() => import('./pages/security/outbox-page.js'), 'OutboxPage');
const RoleExceptionsPage = lazyPage(() => import('./pages/security/role-exceptions-page.js'), 'RoleExceptionsPage');
const ActivationPage = lazyPage(() => import('./pages/staff/activation-page.js'), 'ActivationPage');
const PersonPage = lazyPage(() => import('./pages/staff/registry-page.js'), 'PersonPage');
const RegistryPage = lazyPage(() => import('./pages/staff/registry-page.js'), 'RegistryPage');
const OrganisationPage = lazyPage(() => import('./pages/staff/organisations-page.js'), 'OrganisationPage');
const WorkbenchPage = lazyPage(() => import('./pages/staff/workbench-page.js'), 'WorkbenchPage');
const CatalogueAdminPage = lazyPage(() => import('./pages/training/catalogue-admin-page.js'), 'CatalogueAdminPage');
const ClassPage = lazyPage(() => import('./pages/training/class-page.js'), 'ClassPage');
const ClassesPage = lazyPage(() => import('./pages/training/classes-page.js'), 'ClassesPage');
const OpenClassPage = lazyPage(() => import('./pages/training/classes-page.js'), 'OpenClassPage');
const AccountsPage = lazyPage(() => import('./pages/staff/accounts-page.js'), 'AccountsPage');
const RegistrationsPage = lazyPage(
  () => import('./pages/employment-services/registrations-page.js'),
  'RegistrationsPage',
);
const CertificationsPage = lazyPage(
  () => import('./pages/employment-services/certifications-page.js'),
  'CertificationsPage',
);
const CasesPage = lazyPage(() => import('./pages/employment-services/cases-page.js'), 'CasesPage');
const MyEmploymentPage = lazyPage(
  () => import('./pages/employment-services/my-employment-page.js'),
  'MyEmploymentPage',
);
const JobBoardPage = lazyPage(
  () => import('./pages/employment-services/labour-market/job-board-page.js'),
  'JobBoardPage',
);
const MyJobSearchPage = lazyPage(
  () => import('./pages/employment-services/labour-market/my-job-search-page.js'),
  'MyJobSearchPage',
);
const MyPostingsPage = lazyPage(
  () => import('./pages/employment-services/labour-market/my-postings-page.js'),
  'MyPostingsPage',
);
const LabourMarketPage = lazyPage(
  () => import('./pages/employment-services/labour-market/labour-market-page.js'),
  'LabourMarketPage',
);
const MyLoansPage = lazyPage(() => import('./pages/loans/my-loans-page.js'), 'MyLoansPage');
const LoansDeskPage = lazyPage(() => import('./pages/loans/loans-desk-page.js'), 'LoansDeskPage');
const SchedulePage = lazyPage(() => import('./pages/finance/schedule-page.js'), 'SchedulePage');
const CalendarPage = lazyPage(() => import('./pages/admin/calendar-page.js'), 'CalendarPage');
const ParametersPage = lazyPage(() => import('./pages/admin/parameters-page.js'), 'ParametersPage');
const ReferenceDataPage = lazyPage(() => import('./pages/admin/reference-data-page.js'), 'ReferenceDataPage');
const AuditPage = lazyPage(() => import('./pages/supervision/audit-page.js'), 'AuditPage');
const SweepsPage = lazyPage(() => import('./pages/supervision/sweeps-page.js'), 'SweepsPage');
const SpotChecksPage = lazyPage(() => import('./pages/supervision/spot-checks-page.js'), 'SpotChecksPage');

export interface PageEntry {
  path: string;
  element: ReactNode;
  /** Open to anyone when absent; otherwise to an account holding any of these (the server checks again). */
  permissions?: Permission[];
  /** The menu entry's key under `nav.`, for pages in the menu. */
  nav?: string;
  /**
   * Narrows which accounts see the menu entry beyond the permissions (the page itself stays open to
   * them); a visitor not logged in sees an entry that needs no permission.
   */
  menuFor?: (account: Account, runs: AccountRuns) => boolean;
  /**
   * The kind of account the page is for at all (a person's, a unit's): another is told so, not shown
   * a form that fails, and is not offered it in the menu either.
   */
  onlyFor?: (account: Account) => boolean;
  /** The job it belongs to in the staff frame's side menu; a staff account sees it in that frame. */
  group?: StaffGroup;
  /** For a page under a list (an application under the workbench): the list's path, for the breadcrumb. */
  parent?: string;
  /** The breadcrumb's last item for a page without a menu entry (a translation key). */
  crumb?: string;
}

/**
 * The jobs the staff side menu groups its pages by (受理审核, 资金拨付, 创业担保贷款, 培训, 就业服务,
 * 人员库, 监督, 系统管理). Loans are a job of their own: the lending bank's and the guarantee
 * institution's officers review no subsidy application.
 */
export const STAFF_GROUPS = [
  'review',
  'payments',
  'loans',
  'training',
  'employment',
  'registry',
  'supervision',
  'system',
] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/**
 * Training classes are run by the bureau and by training schools (unit accounts whose institution is
 * in the catalogue), not by people applying for themselves nor by other employers.
 */
const TRAINING_CLASSES: Permission[] = ['training:manage', 'application:own'];
const runsClasses = (a: Account, runs: AccountRuns) => a.permissions.includes('training:manage') || runs.trainingSchool;

const forPeople = (a: Account) => a.organisationId === undefined;
const forUnits = (a: Account) => a.organisationId !== undefined;

/** Whether a logged-in account's menu offers the page, beyond its permissions (`menuFor`, `onlyFor`). */
export function offeredTo(page: PageEntry, account: Account, runs: AccountRuns): boolean {
  return (!page.onlyFor || page.onlyFor(account)) && (!page.menuFor || page.menuFor(account, runs));
}

/** Every page, who may open it and whether the menu shows it: the menu and the router read this one table. */
export const PAGES: readonly PageEntry[] = [
  { path: '/', element: <PoliciesPage />, nav: 'policies' },
  // 政策计算器 asks a person's questions (an ID number, a graduation): not a unit's menu entry.
  { path: '/self-check', element: <SelfCheckPage />, nav: 'selfCheck', menuFor: forPeople },
  { path: '/gongshi', element: <DisclosurePage />, nav: 'disclosure' },
  { path: '/training', element: <TrainingPage />, nav: 'training' },
  { path: '/jobs', element: <JobBoardPage />, nav: 'jobs' },
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  // 实名核验: in the menu only while an applicant account is not yet bound to its registry record.
  {
    path: '/identity',
    element: <IdentityPage />,
    permissions: ['identity:bind', 'self'],
    nav: 'identity',
    menuFor: isUnbound,
  },
  {
    path: '/my/applications',
    element: <MyApplicationsPage />,
    permissions: ['application:own'],
    nav: 'myApplications',
  },
  { path: '/my/apply/:subsidy?', element: <ApplyPage />, permissions: ['application:own'] },
  { path: '/my/offers', element: <OffersPage />, permissions: ['application:own'], nav: 'myOffers' },
  { path: '/my/messages', element: <MessagesPage />, permissions: ['application:own'], nav: 'myMessages' },
  {
    path: '/my/employment',
    element: <MyEmploymentPage />,
    permissions: ['application:own'],
    nav: 'myEmployment',
    onlyFor: forPeople,
  },
  { path: '/my/loans', element: <MyLoansPage />, permissions: ['application:own'], nav: 'myLoans' },
  {
    path: '/my/jobs',
    element: <MyJobSearchPage />,
    permissions: ['application:own'],
    nav: 'myJobs',
    onlyFor: forPeople,
  },
  {
    path: '/my/postings',
    element: <MyPostingsPage />,
    permissions: ['application:own'],
    nav: 'myPostings',
    onlyFor: forUnits,
  },
  {
    path: '/applications/:id',
    element: <ApplicationPage />,
    permissions: ['application:own', 'application:read', 'application:create'],
    parent: '/work',
    crumb: 'backOffice.frame.application',
  },
  {
    path: '/applications/:id/notice/:kind',
    element: <NoticePage />,
    permissions: ['application:read'],
    parent: '/work',
    crumb: 'backOffice.frame.notice',
  },
  {
    path: '/work',
    element: <WorkbenchPage />,
    permissions: ['application:read', 'application:create'],
    nav: 'workbench',
    group: 'review',
  },
  {
    path: '/training/classes',
    element: <ClassesPage />,
    permissions: TRAINING_CLASSES,
    nav: 'trainingClasses',
    menuFor: runsClasses,
    group: 'training',
  },
  {
    path: '/training/classes/new',
    element: <OpenClassPage />,
    permissions: TRAINING_CLASSES,
    parent: '/training/classes',
  },
  { path: '/training/classes/:id', element: <ClassPage />, permissions: TRAINING_CLASSES, parent: '/training/classes' },
  {
    path: '/training/catalogues',
    element: <CatalogueAdminPage />,
    permissions: ['training:manage'],
    nav: 'trainingAdmin',
    group: 'training',
  },
  {
    path: '/employment/registrations',
    element: <RegistrationsPage />,
    permissions: ['employment:read', 'employment:register'],
    nav: 'employmentRegistrations',
    group: 'employment',
  },
  {
    path: '/employment/certifications',
    element: <CertificationsPage />,
    permissions: ['employment:read', 'hardship:file', 'hardship:decide'],
    nav: 'employmentCertifications',
    group: 'employment',
  },
  {
    path: '/employment/cases',
    element: <CasesPage />,
    permissions: ['employment:read', 'assistance:work'],
    nav: 'employmentCases',
    group: 'employment',
  },
  {
    path: '/employment/labour-market',
    element: <LabourMarketPage />,
    permissions: ['labour-market:manage', 'labour-market:refer'],
    nav: 'labourMarket',
    group: 'employment',
  },
  {
    path: '/loans',
    element: <LoansDeskPage />,
    permissions: ['loan:read', 'loan:qualify', 'loan:manage', 'loan:bank', 'loan:guarantee'],
    nav: 'loans',
    group: 'loans',
  },
  { path: '/registry', element: <RegistryPage />, permissions: ['registry:read'], nav: 'registry', group: 'registry' },
  {
    path: '/registry/people/:id',
    element: <PersonPage />,
    permissions: ['registry:read'],
    parent: '/registry',
    crumb: 'backOffice.frame.person',
  },
  {
    path: '/registry/organisations/:id',
    element: <OrganisationPage />,
    permissions: ['registry:read'],
    parent: '/registry',
    crumb: 'backOffice.frame.organisation',
  },
  {
    path: '/registry/activation',
    element: <ActivationPage />,
    permissions: ['identity:verify'],
    nav: 'activation',
    group: 'registry',
  },
  {
    path: '/finance/payments',
    element: <PaymentsPage />,
    permissions: ['application:pay'],
    nav: 'payments',
    group: 'payments',
  },
  {
    path: '/finance/payments/:id',
    element: <BatchPage />,
    permissions: ['application:pay', 'funds:read'],
    parent: '/finance/payments',
    crumb: 'backOffice.payments.details',
  },
  {
    path: '/finance/payments/:id/schedule',
    element: <SchedulePage />,
    permissions: ['application:pay', 'funds:read'],
    parent: '/finance/payments',
    crumb: 'admin.schedule.title',
  },
  { path: '/finance/funds', element: <FundsPage />, permissions: ['funds:read'], nav: 'funds', group: 'payments' },
  {
    path: '/finance/allocation',
    element: <AllocationPage />,
    permissions: ['funds:manage', 'funds:read'],
    nav: 'allocation',
    group: 'payments',
  },
  {
    path: '/supervision/dashboard',
    element: <DashboardPage />,
    permissions: ['funds:read'],
    nav: 'dashboard',
    group: 'supervision',
  },
  {
    path: '/supervision/sweeps',
    element: <SweepsPage />,
    permissions: ['sweep:run'],
    nav: 'sweeps',
    group: 'supervision',
  },
  {
    path: '/supervision/spot-checks',
    element: <SpotChecksPage />,
    permissions: ['spot-check:draw', 'spot-check:inspect'],
    nav: 'spotChecks',
    group: 'supervision',
  },
  {
    path: '/supervision/audit',
    element: <AuditPage />,
    permissions: ['audit:read'],
    nav: 'audit',
    group: 'supervision',
  },
  {
    path: '/admin/accounts',
    element: <AccountsPage />,
    permissions: ['account:manage'],
    nav: 'accounts',
    group: 'system',
  },
  {
    path: '/admin/calendar',
    element: <CalendarPage />,
    permissions: ['calendar:manage'],
    nav: 'calendar',
    group: 'system',
  },
  {
    path: '/admin/parameters',
    element: <ParametersPage />,
    permissions: ['parameter:set', 'application:read'],
    nav: 'parameters',
    group: 'system',
  },
  {
    path: '/registry/reference-data',
    element: <ReferenceDataPage />,
    permissions: ['registry:import', 'audit:read'],
    nav: 'referenceData',
    group: 'registry',
  },
  {
    path: '/security/outbox',
    element: <OutboxPage />,
    permissions: ['security:manage'],
    nav: 'smsOutbox',
    group: 'system',
  },
  {
    path: '/security/role-exceptions',
    element: <RoleExceptionsPage />,
    permissions: ['security:manage'],
    nav: 'roleExceptions',
    group: 'system',
  },
];
