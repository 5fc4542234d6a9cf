import { residentIdCheckChar } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../db/schema.js';
import type { Vault } from '../security/vault.js';

/** The demo password, documented in the README; every demo account has it. */
export const DEMO_PASSWORD = 'Huimin-demo-2026';

export const DEMO_STAFF = [
  { username: 'admin', name: '系统管理员', roles: ['administrator'], region: '510100' },
  { username: 'clerk', name: '锦江区受理员 王芳', roles: ['clerk'], region: '510104' },
  { username: 'clerk2', name: '青羊区受理员 刘强', roles: ['clerk'], region: '510105' },
  { username: 'counter', name: '市政务大厅窗口 陈静', roles: ['clerk'], region: '510100' },
  { username: 'reviewer', name: '市就业局审核员 李明', roles: ['reviewer'], region: '510100' },
  { username: 'approver', name: '市就业局复核员 张磊', roles: ['approver'], region: '510100' },
  { username: 'finance', name: '市财政局拨付员 赵丽', roles: ['finance'], region: '510100' },
  { username: 'supervisor', name: '省人社厅监督员 孙伟', roles: ['supervisor'], region: '510000' },
  { username: 'auditor', name: '市审计员 周敏', roles: ['auditor'], region: '510100' },
  { username: 'security', name: '市人社局安全管理员 吴刚', roles: ['security-administrator'], region: '510100' },
  { username: 'policy', name: '市就业局政策参数管理员 郑洁', roles: ['parameter-officer'], region: '510100' },
  { username: 'caseworker', name: '锦江区就业服务专员 马晓燕', roles: ['case-worker'], region: '510104' },
  { username: 'caseworker2', name: '锦江区社区网格员 罗建军', roles: ['case-worker'], region: '510104' },
] as const;

/** One account per member of staff above, with its password history; returns their ids by username. */
export async function seedStaff(db: Kysely<Database>, vault: Vault): Promise<Map<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const [i, s] of DEMO_STAFF.entries()) {
    // Every member of staff has their own ID number on the account (invented, like everything here).
    const first17 = `510104198${i % 10}0${(i % 9) + 1}15${String(300 + i).padStart(3, '0')}`;
    const idNumberHmac = vault.lookupHash('id-number', first17 + residentIdCheckChar(first17));
    const row = await db
      .insertInto('account')
      .values({
        username: s.username,
        display_name: s.name,
        roles: [...s.roles],
        region_code: s.region,
        id_number_hmac: idNumberHmac,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('password_history').values({ account_id: row.id, password_hash: hash }).execute();
    ids.set(s.username, row.id);
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, vault, {
      actor: null,
      action: 'demo.staff-created',
      entityType: 'account',
      after: DEMO_STAFF.map((s) => s.username),
    }),
  );
  return ids;
}
