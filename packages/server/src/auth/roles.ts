/**
 * Roles and what each may do. Duties are split so no one person can push a claim through alone
 * (财社〔2023〕181号 第二十五条 "岗位设置权限分设和权限不相容"), and the system administrator, who manages
 * accounts, reads neither applications nor the audit trail (等保 2.0: separate system, security
 * and audit administrators).
 */
export const ROLES = ['applicant', 'clerk', 'reviewer', 'approver', 'finance', 'supervisor', 'auditor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'applicant');

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  clerk: { zh: '受理员', en: 'Clerk' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  approver: { zh: '复核员', en: 'Approver' },
  finance: { zh: '财务拨付员', en: 'Finance officer' },
  supervisor: { zh: '监督员', en: 'Supervisor' },
  auditor: { zh: '审计员', en: 'Auditor' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
};

export type Permission =
  | 'application:own' // apply, submit, withdraw, answer a correction request, see one's own
  | 'application:read'
  | 'application:create' // a clerk files an application at the counter for a person or unit
  | 'application:accept'
  | 'application:review'
  | 'application:approve'
  | 'application:pay'
  | 'registry:read'
  | 'registry:write'
  | 'registry:import'
  | 'identity:unmask'
  | 'audit:read'
  | 'account:manage'
  | 'calendar:manage'
  | 'registry:self' // an applicant's own registry record
  | 'funds:read'
  | 'spot-check:draw'
  | 'sweep:run'
  | 'training:manage' // the two catalogues, class approval, inspection and completion
  | 'parameter:set' // a region's local standards, thresholds and 免申即享 choices
  | 'spot-check:inspect'
  | 'funds:manage'
  | 'self';

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  applicant: ['application:own', 'registry:self', 'self'],
  clerk: ['application:read', 'application:create', 'application:accept', 'registry:read', 'registry:write', 'registry:import', 'identity:unmask', 'training:manage', 'self'],
  reviewer: ['application:read', 'application:review', 'registry:read', 'identity:unmask', 'self'],
  approver: ['application:read', 'application:approve', 'registry:read', 'funds:read', 'self'],
  finance: ['application:read', 'application:pay', 'registry:read', 'identity:unmask', 'funds:read', 'funds:manage', 'self'],
  supervisor: ['application:read', 'registry:read', 'funds:read', 'spot-check:draw', 'spot-check:inspect', 'sweep:run', 'parameter:set', 'self'],
  auditor: ['application:read', 'registry:read', 'audit:read', 'funds:read', 'spot-check:inspect', 'self'],
  administrator: ['account:manage', 'calendar:manage', 'self'],
};

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of PERMISSIONS[role as Role] ?? []) out.add(p);
  return out;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
