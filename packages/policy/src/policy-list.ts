import type { IsoDate } from './core/dates.js';
import { formatCitation } from './core/documents.js';
import type { PolicyEngine } from './core/engine.js';
import type { ResolvedParameter } from './core/parameters.js';
import type { RegionCode } from './core/regions.js';
import type { Material, Reason, SubsidyDefinition } from './core/subsidy.js';
import { text, type Text } from './core/text.js';

/**
 * The public policy list (就业补贴政策清单): for each subsidy, whether it is in force here on the
 * date, who qualifies, the standard and the values behind it, the materials, the process and time
 * limit, and the article — what 财社〔2023〕181号 第二十三条 requires each region to publish.
 */
export interface PolicyListing {
  readonly id: string;
  readonly name: Text;
  readonly applicant: SubsidyDefinition['applicant'];
  readonly fund: SubsidyDefinition['fund'];
  readonly inForce: boolean;
  readonly status: Reason['code'] | 'IN_FORCE';
  readonly statusReason?: Reason;
  readonly scheme?: {
    readonly id: string;
    readonly region: RegionCode;
    readonly from: IsoDate;
    readonly to?: IsoDate;
    readonly basis: string;
    readonly who: Text;
    readonly standard: Text;
    readonly materials: readonly Material[];
    readonly parameters: readonly ResolvedParameter[];
  };
  readonly process: Text;
  /** Working days to decide, as the region publishes it; absent where not set. */
  readonly timeLimitWorkingDays?: number;
  readonly disclosure: SubsidyDefinition['disclosure'];
}

const PROCESS = text('申请 → 受理 → 审核 → 复核 → 公示 → 拨付', 'Apply → accept → review → approve → publicise → pay');
const PROCESS_PUBLICISED_FIRST = text(
  '申请 → 受理 → 审核 → 复核 → 在校公示 → 拨付',
  'Apply → accept → review → approve → publicise at school → pay',
);

export function listPolicies(engine: PolicyEngine, region: RegionCode, date: IsoDate): PolicyListing[] {
  const timeLimit = engine.parameters.resolve('handling.time-limit-working-days', region, date)?.value;
  return engine.catalogue().map((subsidy) => {
    const resolution = engine.resolve(subsidy, region, date);
    const base = {
      id: subsidy.id,
      name: subsidy.name,
      applicant: subsidy.applicant,
      fund: subsidy.fund,
      process: subsidy.disclosure === 'before-payment' ? PROCESS_PUBLICISED_FIRST : PROCESS,
      disclosure: subsidy.disclosure,
      ...(timeLimit !== undefined ? { timeLimitWorkingDays: timeLimit } : {}),
    };
    if (resolution.kind === 'none')
      return { ...base, inForce: false, status: resolution.reason.code, statusReason: resolution.reason };
    const s = resolution.scheme;
    const parameters: ResolvedParameter[] = [];
    for (const id of s.parameters) {
      const value = engine.parameters.resolve(id, region, date);
      if (value) parameters.push(value);
    }
    return {
      ...base,
      inForce: true,
      status: 'IN_FORCE' as const,
      scheme: {
        id: s.id,
        region: s.region,
        from: s.from,
        ...(s.to ? { to: s.to } : {}),
        basis: formatCitation(s.basis),
        who: s.who,
        standard: s.standard,
        materials: s.materials,
        parameters,
      },
    };
  });
}
