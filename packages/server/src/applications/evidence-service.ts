import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { Vault } from '../security/vault.js';
import type { ApplicationService } from './application-service.js';

/** 10 MB: a scanned certificate or contract at a readable resolution, well below a photo album. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** States in which the applicant's side may still hand in files: before submission and when asked to correct (补正). */
const OPEN_STATES = new Set(['draft', 'returned']);

type Text = { zh: string; en: string };

export interface EvidenceView {
  id: string;
  material: number;
  materialName: Text;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * What a file is, from its first bytes, not from its name or the browser's word: a renamed program
 * is refused whatever it is called. Scans arrive as PDF, JPEG or PNG.
 */
export function sniffMediaType(content: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
}

function toView(
  r: {
    id: string;
    material: number;
    material_name: Text;
    file_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: Date;
  },
  uploadedBy: string,
): EvidenceView {
  return {
    id: r.id,
    material: r.material,
    materialName: r.material_name,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}

/** The files handed in for an application's materials (申请材料), kept whole and never replaced. */
export class EvidenceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly applications: ApplicationService,
    private readonly policies: PolicyService,
  ) {}

  /** The materials the subsidy's scheme asked for on the day the application was made, and the files handed in for each. */
  async evidenceOf(
    actor: Actor,
    applicationId: string,
  ): Promise<{ materials: Text[]; files: EvidenceView[]; waived: number[] }> {
    const app = await this.applications.locate(actor, applicationId);
    const [materials, rows] = await Promise.all([
      this.materialsOf(app.subsidyId, app.regionCode, app.createdOn),
      this.db
        .selectFrom('application_evidence')
        .innerJoin('account', 'account.id', 'application_evidence.uploaded_by')
        .select([
          'application_evidence.id',
          'material',
          'material_name',
          'file_name',
          'media_type',
          'size_bytes',
          'sha256',
          'account.display_name',
          'uploaded_at',
        ])
        .where('application_id', '=', applicationId)
        .orderBy('material')
        .orderBy('uploaded_at')
        .execute(),
    ]);
    const files = rows.map((r) => toView(r, r.display_name));
    // Not needed on paper: what the platform already holds (a licence the business registry confirms).
    const waived = await this.applications.applicant.waivedMaterials(actor, applicationId);
    return { materials, files, waived };
  }

  async upload(
    actor: Actor,
    applicationId: string,
    input: { material: number; fileName: string; content: Buffer },
  ): Promise<EvidenceView> {
    const app = await this.applications.locate(actor, applicationId);
    // After filing, only a material promised under 容缺受理 may be supplied, by its last day.
    await this.applications.deferrals.assertSuppliable(this.db, app, input.material, OPEN_STATES.has(app.state));
    const materials = await this.materialsOf(app.subsidyId, app.regionCode, app.createdOn);
    const materialName = materials[input.material];
    if (!materialName)
      throw new AppError('EVIDENCE_MATERIAL_UNKNOWN', 400, 'material', {
        value: String(input.material + 1),
        count: String(materials.length),
      });
    if (input.content.length === 0) throw new AppError('EVIDENCE_FILE_EMPTY', 400, 'file', { name: input.fileName });
    if (input.content.length > EVIDENCE_MAX_BYTES)
      throw new AppError('EVIDENCE_FILE_TOO_LARGE', 413, 'file', { name: input.fileName, max: '10 MB' });
    const mediaType = sniffMediaType(input.content);
    if (!mediaType) throw new AppError('EVIDENCE_FILE_TYPE', 415, 'file', { name: input.fileName });
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    return this.db.transaction().execute(async (trx) => {
      // Again with the row locked: a deadline sweep, a clerk's step or another upload may have come first.
      const locked = await trx
        .selectFrom('application')
        .select(['id', 'state'])
        .where('id', '=', applicationId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const deferrals = this.applications.deferrals;
      const supplies = await deferrals.assertSuppliable(trx, locked, input.material, OPEN_STATES.has(locked.state));
      const row = await trx
        .insertInto('application_evidence')
        .values({
          application_id: applicationId,
          material: input.material,
          material_name: JSON.stringify(materialName),
          file_name: input.fileName,
          media_type: mediaType,
          size_bytes: input.content.length,
          sha256,
          content: input.content,
          uploaded_by: actor.accountId,
          // Read under the row's lock, which every step takes too: what the file came after (correction.ts).
          after_event: sql<number>`(select coalesce(max(seq), 0) from application_event where application_id = ${applicationId})`,
        })
        .returning([
          'id',
          'material',
          'material_name',
          'file_name',
          'media_type',
          'size_bytes',
          'sha256',
          'uploaded_at',
        ])
        .executeTakeFirstOrThrow();
      if (supplies) await deferrals.supplied(trx, applicationId, input.material, row.id);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'application.evidence',
        entityType: 'application',
        entityId: applicationId,
        regionCode: app.regionCode,
        after: {
          evidence: row.id,
          material: input.material,
          fileName: input.fileName,
          sizeBytes: input.content.length,
          sha256,
        },
      });
      return toView(row, actor.displayName);
    });
  }

  async content(
    actor: Actor,
    applicationId: string,
    evidenceId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    await this.applications.locate(actor, applicationId);
    const row = await this.db
      .selectFrom('application_evidence')
      .select(['file_name', 'media_type', 'content'])
      .where('application_id', '=', applicationId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    if (!row) throw new AppError('EVIDENCE_NOT_FOUND', 404);
    return { fileName: row.file_name, mediaType: row.media_type, content: Buffer.from(row.content) };
  }

  private async materialsOf(subsidyId: string, regionCode: string, date: string): Promise<Text[]> {
    const listing = (await this.policies.list(regionCode, date)).find((p) => p.id === subsidyId);
    return listing?.scheme ? listing.scheme.materials.map((m) => ({ zh: m.zh, en: m.en })) : [];
  }
}
