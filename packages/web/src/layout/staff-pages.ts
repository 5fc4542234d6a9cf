import { matchPath } from 'react-router';
import type { Account } from '../api/schema.js';
import { PAGES, type PageEntry } from '../pages.js';

/** An account that works in the bureau: any role but the applicant's. */
export function isStaff(account: Account | null | undefined): account is Account {
  return !!account && account.roles.some((r) => r !== 'applicant');
}

/** The page entry the address belongs to (the most specific pattern that matches). */
export function pageAt(pathname: string): PageEntry | undefined {
  return PAGES.filter((p) => matchPath(p.path, pathname)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Whether the account sees this address in the back office's frame rather than the public one. */
export function inBackOffice(account: Account | null | undefined, pathname: string): boolean {
  const page = pageAt(pathname);
  return isStaff(account) && !!page && (!!page.group || !!page.parent);
}
