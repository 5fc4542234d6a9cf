import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed } from 'vitest';
import { DEMO_PASSWORD, seedDemoCity } from '../../server/src/demo/demo-city.js';
import { DEMO_STAFF } from '../../server/src/demo/demo-staff.js';
import { DEMO_SCHOOL } from '../../server/src/demo/demo-training.js';
import type { Clock } from '../../server/src/http/clock.js';
import { startTestApp, type TestApp } from '../../server/src/testing/test-app.js';
import { FULL_ID_NUMBER } from '../src/components/format.js';
import { rawValues } from './raw-values.js';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
/** Without a CJK font every Chinese character renders as a box. */
const CJK_FONTS = '/usr/share/fonts/opentype/noto';
/** Kept by CI (see .ci/run): every main page in both languages. */
export const SCREENSHOTS = join(WEB, '..', '..', 'artifacts', 'screenshots');

export type Language = 'zh-CN' | 'en-US';

/**
 * Debian's Chromium, installed when missing so `npm install && npm test` needs nothing by hand on a
 * fresh machine of this kind (root, Debian). Elsewhere the error says what to install.
 */
function ensureChromium(): void {
  if (existsSync(CHROMIUM) && existsSync(CJK_FONTS)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('browser tests: installing Debian chromium and CJK fonts (apt-get install chromium fonts-noto-cjk)');
    execFileSync('apt-get', ['update', '-qq'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium`);
}

export interface Platform {
  app: TestApp;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The built UI on a real server with the demo city in it, and a headless Chromium to drive it.
 * `clock`: the server's, for a walk that needs days to pass (a class from opening to completion).
 */
export async function startPlatform(options: { clock?: Clock } = {}): Promise<Platform> {
  ensureChromium();
  // Built from the sources every run (a few seconds), so the browser never tests a stale bundle;
  // each platform into its own folder, as walks run side by side.
  const outDir = mkdtempSync(join(tmpdir(), 'huimin-web-'));
  // The bundle people get: under the test runner NODE_ENV is 'test', which would build React's
  // development runtime (slower, and twice the size the first-load figure should report).
  const testEnvironment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = testEnvironment;
  }
  const app = await startTestApp({ webRoot: outDir, ...(options.clock ? { clock: options.clock } : {}) });
  await seedDemoCity(app.database.db, app.vault, 600, 40);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    url,
    browser,
    async close() {
      await browser.close();
      await app.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  language: Language;
  /** Page errors and console errors seen so far; a walk must end with none. */
  problems: string[];
  /** Data in Latin script this visitor's every page may show (its login name, say). */
  allow: string[];
}

/** A fresh browser profile in one language, as a person at their own computer or phone. */
export async function visitor(
  platform: Platform,
  language: Language,
  viewport = { width: 1366, height: 900 },
): Promise<Visitor> {
  const context = await platform.browser.newContext({
    baseURL: platform.url,
    locale: language,
    viewport,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  await context.addInitScript(
    (lang) =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'huimin.language',
        lang,
      ),
    language,
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A refused request is answered on the page in words; the browser's own log line about the
    // status code is not a fault of the page.
    // antd's notes to developers about props it will rename are not faults a user could see.
    if (m.type() === 'error' && !/Failed to load resource|^Warning: \[antd: [^\]]+\] .*deprecated/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  return { context, page, language, problems, allow: [...LOGIN_NAMES] };
}

/**
 * The demo city's login names: data in Latin script that staff pages (accounts, the audit trail's
 * actors, the account menu) rightly show, so no page is faulted for them.
 */
const LOGIN_NAMES: readonly string[] = [...DEMO_STAFF.map((s) => s.username), DEMO_SCHOOL.username];

export async function login(v: Visitor, username: string, password: string): Promise<void> {
  await v.page.goto('/#/login');
  await v.page.locator('#login-username').fill(username);
  await v.page.locator('#login-password').fill(password);
  await v.page.getByTestId('login-submit').click();
  await v.page.getByTestId('who').waitFor();
  // The login page moves on to the account's landing page after one more request; a walk that
  // navigates before then would be sent there a moment later, away from where it went.
  await v.page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/**
 * What every page must be: no key without its text, no raw error, no whole ID number (the roles
 * walked here see masked ones only), no script error, no raw value (a parameter id, an amount in
 * fen, `000000`, a record's uuid, an enum literal, English in the Chinese UI: issue 16, item 6);
 * then its picture, for people to look at. `allow`: data on this page that is rightly in Latin
 * script (a login name, the bank's words in a return file). The raw-value finding is soft, so one
 * run of a walk lists every page that shows one rather than stopping at the first.
 */
export async function checkAndShoot(v: Visitor, name: string, allow: readonly string[] = []): Promise<void> {
  const { page } = v;
  await page.waitForLoadState('networkidle');
  const text = await page.locator('body').innerText();
  const missing = await page.evaluate(
    () => (globalThis as { __huiminMissingKeys?: string[] }).__huiminMissingKeys ?? [],
  );
  expect(missing, `${name}: untranslated keys`).toEqual([]);
  expect(text, `${name}: a raw value on the page`).not.toMatch(
    /\bundefined\b|\bNaN\b|\[object Object\]|INTERNAL_ERROR|TypeError|HTTP_\d{3}/,
  );
  expect(text, `${name}: a whole ID number on the page`).not.toMatch(FULL_ID_NUMBER);
  // A select's list keeps a copy of its options' values for screen readers while it closes
  // (rc-select's hidden listbox); a person never sees it, so it is not read for raw values. The
  // page and its lists are read in one step: read apart, a list that changed in between (a
  // dropdown still closing on a busy machine) would be left in the text.
  const seen = await page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { body: { innerText: string }; querySelectorAll(s: string): Iterable<{ innerText: string }> };
      }
    ).document;
    let all = doc.body.innerText;
    for (const list of doc.querySelectorAll('.ant-select-dropdown [role="listbox"]'))
      if (list.innerText) all = all.replace(list.innerText, '');
    return all;
  });
  expect.soft(rawValues(seen, v.language, [...v.allow, ...allow]), `${name}: raw values on the page`).toEqual([]);
  expect(v.problems, `${name}: errors in the browser`).toEqual([]);
  const dir = join(SCREENSHOTS, v.language);
  mkdirSync(dir, { recursive: true });
  // Animations are finished for the picture rather than waited out: no sleep that a slow machine outruns.
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** How wide the page is laid out: wider than the screen means scrolling sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );
}

/**
 * Picks an option of an Ant Design select (by the select's id) by its visible text. `search`: the
 * select has a search box, and the text is typed first. `untilClosed`: waits for the list to close,
 * so the next select never takes an option from this one's list (not for a multiple select, whose
 * list stays open).
 */
export async function chooseOption(
  v: Visitor,
  selectId: string,
  option: string,
  { search = false, untilClosed = false }: { search?: boolean; untilClosed?: boolean } = {},
): Promise<void> {
  const select = v.page.locator(`#${selectId}`);
  // What the select shows as chosen: antd 6 writes a single choice as the text of its content (the
  // input beside it), several as an item each, all inside the content.
  const shown = v.page.locator('.ant-select').filter({ has: select }).locator('.ant-select-content');
  // On a loaded machine a click can land while a searched list is still re-rendering, and the choice
  // is lost without a sound (seen on a fresh clone): the choice is checked, and made again if lost.
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await select.fill(option);
    await v.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
    const taken = await expect
      .poll(async () => (await shown.allInnerTexts()).some((text) => text.includes(option)), { timeout: 5_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (taken || attempt === 3) break;
    console.warn(`chooseOption ${selectId}: ${option} not shown, again`);
  }
  if (untilClosed) await expect.poll(() => v.page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/**
 * Confirms the action dialog and waits until it has closed. A click that lands while the dialog is
 * still opening is lost (seen once on a fresh clone), so while the dialog stays open and is not
 * sending, the click is repeated; a click on a sending dialog's button does nothing, so an action
 * is never sent twice.
 */
export async function confirmAction(page: Page): Promise<void> {
  const button = page.locator('#action-confirm');
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt === 0 || !((await button.getAttribute('class')) ?? '').includes('ant-btn-loading'))
      await button.click();
    const closed = await button.waitFor({ state: 'hidden', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
  }
  throw new Error('the action dialog did not close after confirming');
}

/**
 * Follows a link in a dialog that may still be opening. On a busy machine a click can land while the
 * dialog zooms in and lead nowhere: a fresh-clone run once stayed on the payments page with the
 * reconciliation dialog open until the test timed out. Clicks again while the address has not
 * changed, up to five times.
 */
export async function followLink(page: Page, link: Locator, to: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (to.test(page.url())) return;
    await link.click();
    const went = await expect
      .poll(() => page.url(), { timeout: 5_000 })
      .toMatch(to)
      .then(
        () => true,
        () => false,
      );
    if (went) return;
  }
  throw new Error(`the link did not lead to ${String(to)}`);
}

/**
 * One walk's platform and visitors, for a test file: started before its tests, closed after them,
 * and a picture of every open page when a step fails.
 */
export function browserWalk(options: { clock?: Clock } = {}) {
  let platform: Platform | undefined;
  const open: Visitor[] = [];
  // A budget that fits the work on a loaded machine: a vite build and the demo city (now with its
  // labour market, loans and gig station) took over 180 s once when several walks started together.
  beforeAll(async () => {
    platform = await startPlatform(options);
  }, 600_000);
  beforeEach(() => {
    onTestFailed(async () => {
      for (const [i, v] of open.entries()) {
        await v.page.screenshot({ path: `${SCREENSHOTS}/failed-${i}.png`, fullPage: true }).catch(() => undefined);
      }
    });
  });
  afterAll(async () => {
    for (const v of open) await v.context.close();
    await platform?.close();
  });
  return {
    get platform(): Platform {
      if (!platform) throw new Error('the platform starts in beforeAll');
      return platform;
    },
    /** A new browser visitor, logged in as a demo account when one is named. */
    async as(language: Language, username?: string, viewport?: { width: number; height: number }): Promise<Visitor> {
      const v = await visitor(this.platform, language, viewport);
      open.push(v);
      if (username) await login(v, username, DEMO_PASSWORD);
      return v;
    },
  };
}
