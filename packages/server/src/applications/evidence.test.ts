import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { sniffMediaType } from './evidence-service.js';
import { handInMissing } from './online-filing.test-kit.js';

/** Files handed in for an application's materials: read by their bytes, kept whole, audited. */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, otherClerk: Client, owner: Client, stranger: Client;
let draftId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');
const octet = { 'content-type': 'application/octet-stream' };
const upload = (client: Client, id: string, material: number, fileName: string, body: Buffer) =>
  client.request(
    'POST',
    `/api/v1/applications/${id}/evidence?material=${material}&fileName=${encodeURIComponent(fileName)}`,
    body,
    octet,
  );

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  otherClerk = await staff(app, 'clerk-qy', ['clerk'], '510105');
  owner = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2004-03-05', 'female', '510104'),
    name: '李小红',
    regionCode: '510104',
    username: 'lixiaohong',
  });
  stranger = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2003-01-02', 'male', '510104'),
    name: '王强',
    regionCode: '510104',
    username: 'wangqiang',
  });
  const filed = await owner.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-job-seeking',
    idempotencyKey: 'evidence-0001',
  });
  expectOk(filed, 201);
  draftId = filed.json<{ id: string }>().id;
});
afterAll(() => app.close());

describe('what a file is', () => {
  it('is read from its first bytes, whatever its name says', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(EXE)).toBeUndefined();
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('handing in files', () => {
  it('lists the materials the subsidy asks for, and keeps each file with its hash and who handed it in', async () => {
    const before = (await owner.request('GET', `/api/v1/applications/${draftId}/evidence`)).json<{
      materials: { zh: string }[];
      files: unknown[];
    }>();
    expect(before.materials.length).toBeGreaterThan(0);
    expect(before.files).toEqual([]);

    const res = await upload(owner, draftId, 0, '身份证.pdf', PDF);
    expectOk(res, 201);
    expect(res.json()).toMatchObject({
      material: 0,
      fileName: '身份证.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedBy: '李小红',
    });
    expect(res.json<{ sha256: string }>().sha256).toMatch(/^[0-9a-f]{64}$/);

    // A second copy of the same material is kept beside the first, never over it.
    expectOk(await upload(owner, draftId, 0, 'id-card.png', PNG), 201);
    const after = (await clerk.request('GET', `/api/v1/applications/${draftId}/evidence`)).json<{
      files: { fileName: string; id: string }[];
    }>();
    expect(after.files.map((f) => f.fileName)).toEqual(['身份证.pdf', 'id-card.png']);

    const first = after.files[0]!;
    const content = await owner.request('GET', `/api/v1/applications/${draftId}/evidence/${first.id}`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(content.rawPayload).equals(PDF)).toBe(true);

    const audit = await app.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_id'])
      .where('action', '=', 'application.evidence')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a program renamed as a PDF, naming the file, and keeps nothing', async () => {
    const res = await upload(owner, draftId, 1, '毕业证.pdf', EXE);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'EVIDENCE_FILE_TYPE', field: 'file' });
    expect(res.json<{ message: string }>().message).toContain('毕业证.pdf');
    const en = await owner.request('POST', `/api/v1/applications/${draftId}/evidence?material=1&fileName=x.pdf`, EXE, {
      ...octet,
      'accept-language': 'en-US',
    });
    expect(en.json<{ message: string }>().message).toBe(
      'Field file: “x.pdf” is not a PDF, JPG or PNG; upload a scan or a photo',
    );
    const files = (await owner.request('GET', `/api/v1/applications/${draftId}/evidence`)).json<{
      files: { material: number }[];
    }>().files;
    expect(files.filter((f) => f.material === 1)).toEqual([]);
  });

  it('refuses an empty file, a file over 10 MB and a material the subsidy does not ask for', async () => {
    expect((await upload(owner, draftId, 0, 'a.pdf', Buffer.alloc(0))).json()).toMatchObject({
      code: 'EVIDENCE_FILE_EMPTY',
      field: 'file',
    });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(owner, draftId, 0, 'big.pdf', big)).json()).toMatchObject({
      code: 'EVIDENCE_FILE_TOO_LARGE',
      field: 'file',
    });
    expect((await upload(owner, draftId, 40, 'a.pdf', PDF)).json()).toMatchObject({
      code: 'EVIDENCE_MATERIAL_UNKNOWN',
      field: 'material',
    });
  });

  it('lets no one else see or add to the application', async () => {
    expect((await upload(stranger, draftId, 0, 'a.pdf', PDF)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/applications/${draftId}/evidence`)).statusCode).toBe(404);
    expect((await otherClerk.request('GET', `/api/v1/applications/${draftId}/evidence`)).statusCode).toBe(404);
  });

  it('closes once the application is submitted, and opens again when it is returned for correction', async () => {
    await handInMissing(owner, draftId);
    expectOk(await owner.request('POST', `/api/v1/applications/${draftId}/transitions`, { action: 'submit' }));
    expect((await upload(owner, draftId, 0, 'late.pdf', PDF)).json()).toMatchObject({
      code: 'EVIDENCE_CLOSED',
      field: 'file',
    });
    expectOk(
      await clerk.request('POST', `/api/v1/applications/${draftId}/transitions`, {
        action: 'return',
        reason: '身份证复印件不清晰',
      }),
    );
    expectOk(await upload(owner, draftId, 0, 'clear.pdf', PDF), 201);
  });
});
