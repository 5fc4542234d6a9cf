import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client.js';
import type { Account, Permission } from '../api/schema.js';

interface SessionState {
  /** undefined while the first check runs; null when nobody is logged in. */
  account: Account | null | undefined;
  login(username: string, password: string): Promise<Account>;
  logout(): Promise<void>;
  /** Reads the account again, after a change on the server that alters what it may do (binding it, say). */
  refresh(): Promise<Account | null>;
  can(...permissions: Permission[]): boolean;
  /** What the account runs beyond its permissions, for the menu; all false until the server has said. */
  runs: AccountRuns;
}

/** What a unit account runs, which its permissions alone do not tell: a training school (培训机构). */
export interface AccountRuns {
  trainingSchool: boolean;
}

const RUNS_NOTHING: AccountRuns = { trainingSchool: false };

const SessionContext = createContext<SessionState | undefined>(undefined);

interface SessionResponse {
  account: Account;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Who is logged in. The session itself is an HttpOnly cookie; the UI keeps only the CSRF token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [runs, setRuns] = useState<AccountRuns>(RUNS_NOTHING);

  useEffect(() => {
    api<SessionResponse>('GET', '/api/v1/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setAccount(s.account);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
        setAccount(null);
      });
    const ended = () => {
      setCsrfToken(undefined);
      setAccount(null);
    };
    window.addEventListener('huimin:session-ended', ended);
    return () => window.removeEventListener('huimin:session-ended', ended);
  }, []);

  useEffect(() => {
    setRuns(RUNS_NOTHING);
    if (!account) return;
    let current = true;
    void runsTrainingSchool(account).then((trainingSchool) => {
      if (current) setRuns({ trainingSchool });
    });
    return () => {
      current = false;
    };
  }, [account]);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api<SessionResponse>('POST', '/api/v1/session', { username, password });
    setCsrfToken(s.csrfToken);
    setAccount(s.account);
    return s.account;
  }, []);

  const refresh = useCallback(async () => {
    const s = await api<SessionResponse>('GET', '/api/v1/session');
    setCsrfToken(s.csrfToken);
    setAccount(s.account);
    return s.account;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('DELETE', '/api/v1/session');
    } finally {
      setCsrfToken(undefined);
      setAccount(null);
    }
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      account,
      login,
      logout,
      refresh,
      can: (...permissions) => !!account && permissions.some((p) => account.permissions.includes(p)),
      runs,
    }),
    [account, login, logout, refresh, runs],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** An applicant account not yet bound to its registry record: it may only prove who it is (实名核验). */
export function isUnbound(account: Account): boolean {
  const p = new Set(account.permissions);
  return p.has('identity:bind') && !p.has('application:own') && !p.has('registry:self');
}

/**
 * Where an account lands after logging in: `homeOf`, except that a unit running a training school
 * (培训机构) lands on its classes rather than on an empty list of its own applications. Whether it
 * runs one is the server's to say; if it cannot say, the account lands as `homeOf` has it.
 */
export async function landingOf(account: Account): Promise<string> {
  const home = homeOf(account);
  if (home !== '/my/applications') return home;
  return (await runsTrainingSchool(account)) ? '/training/classes' : home;
}

/** Whether a unit account has an institution listed in the training catalogue; false if the server cannot say. */
async function runsTrainingSchool(account: Account): Promise<boolean> {
  if (account.organisationId === undefined || !account.permissions.includes('application:own')) return false;
  try {
    const { institutions } = await api<{ institutions: unknown[] }>('GET', '/api/v1/training/my-institutions');
    return institutions.length > 0;
  } catch (e) {
    if (e instanceof ApiError) return false;
    throw e;
  }
}

/** The page an account lands on after logging in: its own work. */
export function homeOf(account: Account): string {
  const p = new Set(account.permissions);
  if (isUnbound(account)) return '/identity';
  if (p.has('application:own')) return '/my/applications';
  if (p.has('application:accept') || p.has('application:review') || p.has('application:approve')) return '/work';
  if (p.has('application:pay')) return '/finance/payments';
  if (p.has('audit:read')) return '/supervision/dashboard';
  if (p.has('funds:read')) return '/supervision/dashboard';
  if (p.has('security:manage')) return '/security/outbox';
  if (p.has('account:manage')) return '/admin/accounts';
  if (p.has('parameter:set')) return '/admin/parameters';
  // A bank's or guarantor's loan officer, and a case worker, have a desk of their own: landing on the
  // public policy list, they had no way into it but typing its address.
  if (p.has('loan:bank') || p.has('loan:guarantee')) return '/loans';
  if (p.has('assistance:work')) return '/employment/cases';
  if (p.has('employment:read')) return '/employment/registrations';
  return '/';
}
