import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  EyeOutlined,
  IdcardOutlined,
  PayCircleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { PageContainer, ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Button, Grid, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Account } from '../api/schema.js';
import { setLanguage, type Language } from '../i18n/index.js';
import { offeredTo, PAGES, STAFF_GROUPS, type PageEntry, type StaffGroup } from '../pages.js';
import { homeOf, useSession, type AccountRuns } from '../session/session.js';
import { isStaff, pageAt } from './staff-pages.js';
import './staff-layout.css';

/**
 * Each job's icon. Below the large breakpoint the side menu folds to icons; a group without one
 * showed only its first character (受, 资, 人 …), which is what read as a broken menu on narrow screens.
 */
const GROUP_ICONS: Partial<Record<StaffGroup, ReactNode>> = {
  review: <AuditOutlined />,
  payments: <PayCircleOutlined />,
  loans: <BankOutlined />,
  training: <BookOutlined />,
  employment: <TeamOutlined />,
  registry: <IdcardOutlined />,
  supervision: <EyeOutlined />,
  system: <SettingOutlined />,
};

function visibleTo(account: Account, runs: AccountRuns, page: PageEntry): boolean {
  const can = !page.permissions || page.permissions.some((p) => account.permissions.includes(p));
  return can && offeredTo(page, account, runs);
}

/**
 * 经办后台的框架 (Ant Design Pro conventions): a side menu grouped by job — 受理审核, 资金拨付, 创业担保贷款, 培训,
 * 人员单位库, 监督, 系统管理 — holding only what the account may open, breadcrumbs and a page header
 * above each page, the language switch and who is logged in. The public site and the applicant's
 * pages keep their own frame (`AppShell`).
 */
export function StaffLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { account, logout, runs } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  if (!isStaff(account)) return <>{children}</>;

  const groups: MenuDataItem[] = STAFF_GROUPS.map((group) => ({
    key: `group-${group}`,
    path: `/group/${group}`,
    name: t(`backOffice.frame.groups.${group}`),
    icon: GROUP_ICONS[group] ?? <AppstoreOutlined />,
    children: PAGES.filter((p) => p.group === group && p.nav && visibleTo(account, runs, p)).map((p) => ({
      key: p.path,
      path: p.path,
      name: t(`nav.${p.nav ?? ''}`),
    })),
  })).filter((g) => (g.children?.length ?? 0) > 0);

  const page = pageAt(location.pathname);
  const crumbs = breadcrumbOf(page, (key) => t(key));

  return (
    <ProLayout
      title={t('backOffice.frame.title')}
      logo={false}
      layout="mix"
      fixSiderbar
      // English labels run longer ("Employment assistance", "Hardship certification"): at 216 px they were cut.
      siderWidth={i18n.language === 'en-US' ? 244 : 216}
      location={{ pathname: page?.nav ? page.path : (page?.parent ?? location.pathname) }}
      route={{ path: '/', routes: groups }}
      menu={{ locale: false, defaultOpenAll: true, ignoreFlatMenu: true }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      onMenuHeaderClick={() => navigate(homeOf(account))}
      actionsRender={() => [
        <Segmented<Language>
          key="language"
          size="small"
          value={i18n.language as Language}
          onChange={(v) => setLanguage(v)}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en-US', label: 'English' },
          ]}
          data-testid="language"
        />,
        // On a phone the header has room for the language, the name cut short and the way out: the
        // name and the public site's link wrapped a character a line and pushed the page off the screen.
        ...(narrow
          ? []
          : [
              <Link key="public" to="/" style={{ whiteSpace: 'nowrap' }}>
                {t('backOffice.frame.publicSite')}
              </Link>,
            ]),
        <Space key="who" align="center">
          <Typography.Text
            data-testid="who"
            title={account.displayName}
            style={{
              whiteSpace: 'nowrap',
              ...(narrow
                ? { display: 'inline-block', maxWidth: 96, overflow: 'hidden', textOverflow: 'ellipsis' }
                : {}),
              verticalAlign: 'middle',
            }}
          >
            {account.displayName}
          </Typography.Text>
          <Button size="small" onClick={() => void logout().then(() => navigate('/'))} data-testid="logout">
            {t('auth.logout')}
          </Button>
        </Space>,
      ]}
      footerRender={false}
    >
      {/* The page keeps the container's own inset, the breadcrumb's: without it every page's title and
          tables sat flush against the side menu and ran past the window's right edge. */}
      <PageContainer title={false} breadcrumb={{ items: crumbs }} className="staff-page">
        {children}
      </PageContainer>
    </ProLayout>
  );
}

/** 首页 › the job's group › the page (› the record, for a page under a list); a name said once. */
function breadcrumbOf(page: PageEntry | undefined, t: (key: string) => string) {
  if (!page) return [];
  const listPage = page.parent ? PAGES.find((p) => p.path === page.parent) : undefined;
  const group: StaffGroup | undefined = page.group ?? listPage?.group;
  const steps: { name: string; path?: string }[] = [];
  if (group) steps.push({ name: t(`backOffice.frame.groups.${group}`) });
  if (listPage?.nav) steps.push({ name: t(`nav.${listPage.nav}`), path: listPage.path });
  if (page.nav) steps.push({ name: t(`nav.${page.nav}`) });
  else if (page.crumb) steps.push({ name: t(page.crumb) });
  // A group named as its page or list (人员单位库 › 人员单位库, 资金拨付 › 资金拨付) is said once.
  return steps
    .filter((step, k) => steps[k + 1]?.name !== step.name)
    .map((step) => ({ title: step.path ? <Link to={step.path}>{step.name}</Link> : step.name }));
}
