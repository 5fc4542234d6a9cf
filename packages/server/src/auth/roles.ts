/**
 * Roles and what each may do. Duties are split so no one person can push a claim through alone
 * (财社〔2023〕181号 第二十五条 "岗位设置权限分设和权限不相容"), and the system administrator, who manages
 * accounts, reads neither applications nor the audit trail (等保 2.0: separate system, security
 * and audit administrators).
 */
export const ROLES = [
  'applicant',
  'clerk',
  'reviewer',
  'approver',
  'finance',
  'parameter-officer',
  'supervisor',
  'auditor',
  'administrator',
  'security-administrator',
  'case-worker',
  'bank-officer',
  'guarantee-officer',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'applicant');

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  clerk: { zh: '受理员', en: 'Clerk' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  approver: { zh: '复核员', en: 'Approver' },
  finance: { zh: '财务拨付员', en: 'Finance officer' },
  'parameter-officer': { zh: '政策参数管理员', en: 'Parameter officer' },
  supervisor: { zh: '监督员', en: 'Supervisor' },
  auditor: { zh: '审计员', en: 'Auditor' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
  'security-administrator': { zh: '安全管理员', en: 'Security administrator' },
  'case-worker': { zh: '就业服务专员', en: 'Case worker' },
  'bank-officer': { zh: '经办银行信贷员', en: 'Lending bank officer' },
  'guarantee-officer': { zh: '担保机构经办人', en: 'Guarantee institution officer' },
};

/** Every permission: the web reads them as a union from the API types (the session's account). */
export const PERMISSION_NAMES = [
  'application:own', // apply, submit, withdraw, answer a correction request, see one's own
  'application:read',
  'application:create', // a clerk files an application at the counter for a person or unit
  'application:accept',
  'application:review',
  'application:approve',
  'application:pay',
  'registry:read',
  'registry:write',
  'registry:import',
  'identity:unmask',
  'audit:read',
  'account:manage',
  'calendar:manage',
  'registry:self', // an applicant's own registry record
  'funds:read',
  'spot-check:draw',
  'sweep:run',
  'training:manage', // the two catalogues, class approval, inspection and completion
  'parameter:set', // a region's local standards, thresholds and 免申即享 choices
  'spot-check:inspect',
  'funds:manage',
  'identity:bind', // an applicant account not yet bound to its registry record proves who it is
  'identity:verify', // a counter clerk who has seen the ID card issues an activation code
  'security:manage', // declared exceptions to role separation; the demonstration SMS outbox
  'employment:register', // 就业登记/失业登记 at the counter, and their end
  'employment:read', // registrations, certifications and assistance cases of one's regions
  'hardship:file', // file a 就业困难人员认定 for a person
  'hardship:decide', // decide one someone else filed (separation of duties), and its exit
  'assistance:work', // 就业援助: one's cases, their contacts, referrals and offers
  'labour-market:manage', // job postings for units, their review (not one's own) and the seeker register
  'labour-market:refer', // 岗位推荐: refer a seeker to a posting; see postings, seekers and matches
  'loan:read', // 创业担保贷款: the loans of one's regions and the register's totals
  'loan:manage', // register lending banks and guarantee institutions; file 贴息 claims from statements
  'loan:qualify', // 人社 review of a borrower's qualification (资格审核)
  'loan:bank', // a lending bank's staff: its loans' contracts, statements, extensions and ends
  'loan:guarantee', // a guarantee institution's staff: guarantees and compensation (代偿)
  'self',
] as const;
export type Permission = (typeof PERMISSION_NAMES)[number];

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  applicant: ['application:own', 'registry:self', 'self'],
  clerk: [
    'application:read',
    'application:create',
    'application:accept',
    'registry:read',
    'registry:write',
    'registry:import',
    'identity:unmask',
    'identity:verify',
    'training:manage',
    'employment:register',
    'employment:read',
    'hardship:file',
    'loan:read',
    'loan:manage',
    'labour-market:manage',
    'labour-market:refer',
    'self',
  ],
  reviewer: [
    'application:read',
    'application:review',
    'registry:read',
    'identity:unmask',
    'employment:read',
    'hardship:decide',
    'loan:read',
    'loan:qualify',
    'self',
  ],
  approver: ['application:read', 'application:approve', 'registry:read', 'funds:read', 'loan:read', 'self'],
  finance: [
    'application:read',
    'application:pay',
    'registry:read',
    'identity:unmask',
    'funds:read',
    'funds:manage',
    'loan:read',
    'self',
  ],
  // Sets what claims are paid (local standards, thresholds, 免申即享): a post of its own, never a read-only one.
  'parameter-officer': ['parameter:set', 'self'],
  supervisor: [
    'application:read',
    'registry:read',
    'funds:read',
    'spot-check:draw',
    'spot-check:inspect',
    'sweep:run',
    'employment:read',
    'loan:read',
    'self',
  ],
  auditor: [
    'application:read',
    'registry:read',
    'audit:read',
    'funds:read',
    'spot-check:inspect',
    'employment:read',
    'loan:read',
    'self',
  ],
  administrator: ['account:manage', 'calendar:manage', 'self'],
  'security-administrator': ['security:manage', 'self'],
  // 就业服务专员 (社区网格员): registers, files and decides certifications (never their own filing),
  // and works the assistance cases of the 街道/社区 they cover; they handle no claim.
  'case-worker': [
    'registry:read',
    'employment:register',
    'employment:read',
    'hardship:file',
    'hardship:decide',
    'assistance:work',
    'labour-market:refer',
    'self',
  ],
  // The staff of a lending bank or a guarantee institution: an account tied to its institution
  // (the account's unit), acting on that institution's loans only; they see no claim or registry.
  'bank-officer': ['loan:bank', 'self'],
  'guarantee-officer': ['loan:guarantee', 'self'],
};

/** An applicant account not yet bound to a registry record may only prove who it is. */
const UNBOUND_APPLICANT: readonly Permission[] = ['identity:bind', 'self'];

/**
 * 三员分立 (GB/T 22239-2019 三级, 安全管理中心): the system, security and audit administrators are
 * three people, and none of them also works claims.
 */
export const ADMINISTRATIVE_ROLES: readonly Role[] = ['administrator', 'security-administrator', 'auditor'];

/**
 * 岗位设置权限分设和权限不相容 (财社〔2023〕181号 第二十五条; 四川 办法 第二十二条): the posts a claim
 * passes through, the post that sets what it pays, and its oversight are held by different people.
 * A region with too few staff may declare an exception for one pair, audited and shown.
 */
export const INCOMPATIBLE_ROLES: readonly Role[] = [
  'clerk',
  'reviewer',
  'approver',
  'finance',
  'parameter-officer',
  'supervisor',
];

/**
 * Officers of a lending bank or guarantee institution (创业担保贷款) act for that institution, not
 * for the bureau: their account is tied to it and holds no other role.
 */
export const INSTITUTION_ROLES: Readonly<Partial<Record<Role, 'bank' | 'guarantor'>>> = {
  'bank-officer': 'bank',
  'guarantee-officer': 'guarantor',
};

/** The first pair of roles one account may not hold together, or null. `allowed`: declared exceptions, as sorted pairs. */
export function roleConflict(
  roles: readonly Role[],
  allowed: ReadonlySet<string> = new Set(),
): readonly [Role, Role] | null {
  for (const [i, a] of roles.entries()) {
    for (const b of roles.slice(i + 1)) {
      if (ADMINISTRATIVE_ROLES.includes(a) || ADMINISTRATIVE_ROLES.includes(b)) return [a, b];
      if (INSTITUTION_ROLES[a] || INSTITUTION_ROLES[b]) return [a, b];
      if (INCOMPATIBLE_ROLES.includes(a) && INCOMPATIBLE_ROLES.includes(b) && !allowed.has(rolePair(a, b)))
        return [a, b];
    }
  }
  return null;
}

/** A pair of roles as one key, in a fixed order. */
export function rolePair(a: string, b: string): string {
  return [a, b].sort().join('+');
}

export function permissionsOf(roles: readonly string[], bound = true): Set<Permission> {
  if (!bound && roles.length === 1 && roles[0] === 'applicant') return new Set(UNBOUND_APPLICANT);
  const out = new Set<Permission>();
  for (const role of roles) for (const p of PERMISSIONS[role as Role] ?? []) out.add(p);
  return out;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
