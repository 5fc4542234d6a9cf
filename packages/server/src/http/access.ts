import type { RouteOptions } from 'fastify';

/**
 * Every route says who may call it. Public routes say so; others name a permission and whether the
 * caller's region limits what they see (the staff modules add these). A route under /api without
 * a declaration refuses to register, so forgetting it fails at start-up and in every test.
 */
export type Access = { readonly public: true } | { readonly permission: string; readonly regionScoped: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

const UNDECLARED_ALLOWED = [/^\/api\/docs(\/|$)/];

export function assertAccessDeclared(route: RouteOptions): void {
  if (!route.url.startsWith('/api')) return;
  if (UNDECLARED_ALLOWED.some((re) => re.test(route.url))) return;
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
}
