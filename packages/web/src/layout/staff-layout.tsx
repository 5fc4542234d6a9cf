import {
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  EyeOutlined,
  IdcardOutlined,
  PayCircleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { PageContainer, ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Button, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Account } from '../api/schema.js';
import { setLanguage, type Language } from '../i18n/index.js';
import { PAGES, STAFF_GROUPS, type PageEntry, type StaffGroup } from '../pages.js';
import { homeOf, useSession } from '../session/session.js';
import { isStaff, pageAt } from './staff-pages.js';
import './staff-layout.css';

/**
 * Each job's icon. Below the large breakpoint the side menu folds to icons; a group without one
 * showed only its first character (受, 资, 人 …), which is what read as a broken menu on narrow screens.
 */
const GROUP_ICONS: Partial<Record<StaffGroup, ReactNode>> = {
  review: <AuditOutlined />,
  payments: <PayCircleOutlined />,
  training: <BookOutlined />,
  employment: <TeamOutlined />,
  registry: <IdcardOutlined />,
  supervision: <EyeOutlined />,
  system: <SettingOutlined />,
};

function visibleTo(account: Account, page: PageEntry): boolean {
  const can = !page.permissions || page.permissions.some((p) => account.permissions.includes(p));
  return can && (!page.menuFor || page.menuFor(account));
}

/**
 * 经办后台的框架 (Ant Design Pro conventions): a side menu grouped by job — 受理审核, 资金拨付, 培训,
 * 人员库, 监督, 系统管理 — holding only what the account may open, breadcrumbs and a page header
 * above each page, the language switch and who is logged in. The public site and the applicant's
 * pages keep their own frame (`AppShell`).
 */
export function StaffLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { account, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!isStaff(account)) return <>{children}</>;

  const groups: MenuDataItem[] = STAFF_GROUPS.map((group) => ({
    key: `group-${group}`,
    path: `/group/${group}`,
    name: t(`backOffice.frame.groups.${group}`),
    icon: GROUP_ICONS[group] ?? <AppstoreOutlined />,
    children: PAGES.filter((p) => p.group === group && p.nav && visibleTo(account, p)).map((p) => ({
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
        <Link key="public" to="/">
          {t('backOffice.frame.publicSite')}
        </Link>,
        <Space key="who">
          <Typography.Text data-testid="who">{account.displayName}</Typography.Text>
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

/** 首页 › the job's group › the page (› the record, for a page under a list). */
function breadcrumbOf(page: PageEntry | undefined, t: (key: string) => string) {
  if (!page) return [];
  const items: { title: ReactNode }[] = [];
  const listPage = page.parent ? PAGES.find((p) => p.path === page.parent) : undefined;
  const group: StaffGroup | undefined = page.group ?? listPage?.group;
  if (group) items.push({ title: t(`backOffice.frame.groups.${group}`) });
  if (listPage?.nav) items.push({ title: <Link to={listPage.path}>{t(`nav.${listPage.nav}`)}</Link> });
  if (page.nav) items.push({ title: t(`nav.${page.nav}`) });
  else if (page.crumb) items.push({ title: t(page.crumb) });
  return items;
}
