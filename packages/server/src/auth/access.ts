import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor } from './actor.js';
import type { Permission } from './roles.js';
import { AppError } from '../http/errors.js';

/**
 * Every route says who may call it. Public routes say so; others name the permissions any one of
 * which admits the caller. A route under /api without a declaration refuses to register, so
 * forgetting it fails at start-up and in every test. What a permitted caller may see within the
 * route (their region and below; an applicant, their own) is the service's business.
 */
export type Access =
  | { readonly public: true }
  | {
      readonly permission: Permission | readonly Permission[];
      /** The few routes an account whose password must change may still use. */
      readonly allowWithExpiredPassword?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: CurrentSession | null;
  }
}

/** A live session as the access hook sees it (sessions/session-service.ts finds and touches it). */
export interface CurrentSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly tokenHash: string;
}

/** What the access hook needs of the session store: the live session behind a token. */
export interface SessionResumer {
  resume(token: string, ip: string | null): Promise<CurrentSession | null>;
}

export const SESSION_COOKIE = 'huimin_session';
const UNDECLARED_ALLOWED = [/^\/api\/docs(\/|$)/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function assertAccessDeclared(route: RouteOptions): void {
  if (!route.url.startsWith('/api')) return;
  if (UNDECLARED_ALLOWED.some((re) => re.test(route.url))) return;
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The onRoute hook that enforces the declarations: a route under /api without one refuses to
 * register, and a route that needs a session gets the check as its first request hook, with its
 * declaration at hand. Public routes get no hook at all: they read no session, and the public lists
 * are what anyone can hammer, where every step counts (decision 025).
 *
 * It must be added before any route, and request hooks of the app or a plugin run before the
 * check: they must not trust the caller. The authorization matrix calls every route as every role,
 * so a route that escaped the check fails there.
 */
export function accessControl(sessions: SessionResumer) {
  return (route: RouteOptions): void => {
    assertAccessDeclared(route);
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access || 'public' in access) return;
    const check = (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
      admit(sessions, request, access).then(() => done(), done);
    };
    route.onRequest = [check, ...[route.onRequest ?? []].flat()];
  };
}

/** The session behind the request, checked against the route's access declaration. */
async function admit(
  sessions: SessionResumer,
  request: FastifyRequest,
  access: Exclude<Access, { readonly public: true }>,
): Promise<void> {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const session = token ? await sessions.resume(token, request.ip) : null;
  if (!session) throw new AppError(token ? 'SESSION_EXPIRED' : 'NOT_AUTHENTICATED', 401);
  // Double-submit: a cross-site form can send the cookie but cannot read the token to echo it.
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken)
    throw new AppError('CSRF_FAILED', 403);
  if (session.mustChangePassword && !access.allowWithExpiredPassword)
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 403);
  const wanted = typeof access.permission === 'string' ? [access.permission] : access.permission;
  if (!wanted.some((p) => session.actor.permissions.has(p))) throw new AppError('FORBIDDEN', 403);
  request.session = session;
}

/** The caller of a route that requires a session (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('NOT_AUTHENTICATED', 401);
  return request.session.actor;
}
