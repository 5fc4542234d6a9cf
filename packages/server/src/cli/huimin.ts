import { readFileSync } from 'node:fs';
import {
  CATALOGUE,
  decideRequest,
  formatYuan,
  formatYuanEn,
  isIsoDate,
  isRegionCode,
  listPolicies,
  PolicyEngine,
  TEXT_PARAMETERS,
  type ApplicantFacts,
  type ClaimFacts,
  type Decision,
  type ParameterValue,
} from '@huimin/policy';
import { Command, InvalidArgumentError } from 'commander';
import { Value } from 'typebox/value';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { buildServices } from '../app/build-app.js';
import { todayInShanghai } from '../http/today.js';
import { loadMasterKey, Vault } from '../security/vault.js';
import { EvaluationRequestSchema } from '../policies/facts.schema.js';
import { ProgressBar } from './progress-bar.js';

/**
 * `huimin` — the platform's command line. `policy list` and `policy eval` run the policy engine on
 * the texts' parameters, plus local settings given with --parameters (a JSON array of values).
 */
type Lang = 'zh' | 'en';

function region(value: string): string {
  if (!isRegionCode(value)) throw new InvalidArgumentError('行政区划代码须为6位数字 / a region code is 6 digits');
  return value;
}
function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('日期须为存在的YYYY-MM-DD / a real date as YYYY-MM-DD');
  return value;
}
function lang(value: string): Lang {
  if (value !== 'zh' && value !== 'en') throw new InvalidArgumentError('zh or en');
  return value;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CliError(`无法读取 ${path}：${(error as Error).message} / cannot read ${path}`);
  }
}

class CliError extends Error {}

function engineWith(parametersFile: string | undefined): PolicyEngine {
  const local = parametersFile ? (readJson(parametersFile) as ParameterValue[]) : [];
  if (!Array.isArray(local)) throw new CliError('--parameters must be a JSON array of parameter values');
  return new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...local]);
}

function printDecision(d: Decision, l: Lang): void {
  const amount =
    d.amountFen === null
      ? l === 'zh'
        ? '标准未设置'
        : 'standard not set'
      : l === 'zh'
        ? formatYuan(d.amountFen)
        : formatYuanEn(d.amountFen);
  const verdict = d.eligible ? (l === 'zh' ? '符合' : 'ELIGIBLE') : l === 'zh' ? '不符合' : 'NOT ELIGIBLE';
  console.log(`\n${d.name[l]} [${d.subsidy}] — ${verdict}${d.eligible ? `, ${amount}` : ''}`);
  for (const r of d.reasons) {
    const mark = r.met ? '✓' : '✗';
    const detail = !r.detail ? '' : l === 'zh' ? `（${r.detail.zh}）` : ` (${r.detail.en})`;
    console.log(`  ${mark} ${r.message[l]}${detail} — ${r.cites}`);
  }
}

const program = new Command('huimin')
  .description('惠民 Huimin — employment and entrepreneurship subsidies')
  .showHelpAfterError();
const policy = program.command('policy').description('the policy engine');

policy
  .command('list')
  .description('subsidies in force for a region on a date (就业补贴政策清单)')
  .requiredOption('--region <code>', 'GB/T 2260 region code', region)
  .option('--date <date>', 'YYYY-MM-DD, default today (Asia/Shanghai)', date)
  .option('--lang <lang>', 'zh or en', lang, 'zh' as Lang)
  .option('--parameters <file>', 'local parameter values (JSON array)')
  .option('--json', 'print JSON')
  .action((opts: { region: string; date?: string; lang: Lang; parameters?: string; json?: boolean }) => {
    const on = opts.date ?? todayInShanghai();
    const list = listPolicies(engineWith(opts.parameters), opts.region, on);
    if (opts.json) return void console.log(JSON.stringify({ region: opts.region, date: on, policies: list }, null, 2));
    const l = opts.lang;
    console.log(`${opts.region} ${on}`);
    for (const p of list) {
      const status = p.inForce ? (l === 'zh' ? '施行中' : 'in force') : (p.statusReason?.message[l] ?? p.status);
      console.log(`${p.inForce ? '●' : '○'} ${p.name[l]} [${p.id}] — ${status}`);
      if (p.scheme) console.log(`    ${p.scheme.standard[l]} — ${p.scheme.basis}`);
    }
  });

policy
  .command('eval')
  .description('decide subsidies for the applicant in FILE (JSON: subsidy?, region, date?, applicant, claim?)')
  .argument('<file>', 'evaluation request as JSON')
  .option('--lang <lang>', 'zh or en', lang, 'zh' as Lang)
  .option('--parameters <file>', 'local parameter values (JSON array)')
  .option('--json', 'print JSON')
  .action((file: string, opts: { lang: Lang; parameters?: string; json?: boolean }) => {
    const request = readJson(file);
    const structural = [...Value.Errors(EvaluationRequestSchema, request)].find(
      (e) => e.keyword !== 'boolean' && e.keyword !== 'anyOf',
    );
    if (structural || !Value.Check(EvaluationRequestSchema, request)) {
      const where = structural?.instancePath.replaceAll('/', '.').replace(/^\./, '') || '(root)';
      throw new CliError(
        `字段 ${where} 不符合要求 / field ${where} is invalid: ${structural?.message ?? 'does not match the facts format'}`,
      );
    }
    const outcome = decideRequest(engineWith(opts.parameters), {
      ...(request.subsidy !== undefined ? { subsidy: request.subsidy } : {}),
      region: request.region,
      date: request.date ?? todayInShanghai(),
      applicant: request.applicant as ApplicantFacts,
      ...(request.claim ? { claim: request.claim as ClaimFacts } : {}),
    });
    if (outcome.kind === 'invalid-facts')
      throw new CliError(outcome.errors.map((e) => `${e.field}: ${e.message[opts.lang]}`).join('\n'));
    if (outcome.kind === 'unknown-subsidy')
      throw new CliError(`没有编号为 ${outcome.subsidy} 的补贴 / unknown subsidy ${outcome.subsidy}`);
    const decisions = outcome.decisions;
    if (opts.json) return void console.log(JSON.stringify(decisions, null, 2));
    for (const d of decisions) printDecision(d, opts.lang);
  });

const audit = program.command('audit').description('the audit trail');

audit
  .command('verify')
  .description(
    'walk the hash chain from the first entry and report the first broken link (uses HUIMIN_DATA_DIR or DATABASE_URL, and HUIMIN_MASTER_KEY or the data folder’s key)',
  )
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({
      dataDir: config.dataDir,
      ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
      bufferMegabytes: config.embeddedBufferMegabytes,
    });
    try {
      const vault = new Vault(loadMasterKey(process.env, config.dataDir));
      const report = await verifyAuditChain(database.db, vault);
      if (!report.firstBreak) {
        console.log(`审计链完整，共 ${report.entries} 条 / audit chain intact: ${report.entries} entries`);
        return;
      }
      const b = report.firstBreak;
      const why = {
        gap: ['序号缺失（有记录被删除）', 'missing sequence number (an entry was deleted)'],
        'broken-link': ['与前一条的链接断开', 'does not link to the entry before it'],
        'content-changed': ['内容被改动', 'content was changed'],
      }[b.problem];
      console.log(`审计链在第 ${b.seq} 条处断开：${why[0]} / audit chain broken at entry ${b.seq}: ${why[1]}`);
      console.log(`此前 ${report.entries} 条完好 / ${report.entries} entries before it are intact`);
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

// The server's processes (decision 024). On PostgreSQL any number of `serve` and `worker` processes
// share one database; the embedded database is one `start` process that does both.
for (const [name, role, description] of [
  ['start', 'all', 'serve the API and web UI and run the background jobs, in one process (what npm start runs)'],
  ['serve', 'serve', 'serve the API and web UI only; jobs are queued for workers (needs DATABASE_URL)'],
  ['worker', 'worker', 'run the background jobs: sweeps, text messages (needs DATABASE_URL); serves nothing'],
] as const)
  program
    .command(name)
    .description(description)
    .action(async () => {
      process.env.HUIMIN_ROLE = role;
      await import('../main.js');
    });

const sweep = program.command('sweep').description('the proactive sweep (政策找人, 免申即享)');

sweep
  .command('run')
  .description(
    'decide every person and unit in the account’s regions for every subsidy and make the offers, with a progress bar; on the embedded database, stop the server first (or start the sweep over the API)',
  )
  .requiredOption('--as <username>', 'the staff account the sweep runs as (needs the supervisor role)')
  .option('--resume <id>', 'resume an interrupted sweep from where it stopped')
  .option('--batch <n>', 'people or units per batch', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
    return n;
  })
  .action(async (options: { as: string; resume?: string; batch?: number }) => {
    const config = loadConfig();
    const database = await openDatabase({
      dataDir: config.dataDir,
      ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
      bufferMegabytes: config.embeddedBufferMegabytes,
    });
    try {
      await migrate(database.db);
      const services = buildServices({
        db: database.db,
        vault: new Vault(loadMasterKey(process.env, config.dataDir)),
        sweepBatch: options.batch ?? config.sweepBatch,
      });
      services.sweeps.useDecidingThread(config.sweepThread);
      const account = await database.db
        .selectFrom('account')
        .select(['id', 'active'])
        .where('username', '=', options.as)
        .executeTakeFirst();
      if (!account?.active) throw new CliError(`没有启用的账号 ${options.as} / no active account ${options.as}`);
      const actor = await services.sessions.actorOf(account.id, null);
      if (!actor.permissions.has('sweep:run'))
        throw new CliError(`${options.as} 无权运行排查 / ${options.as} may not run sweeps`);
      const job = options.resume
        ? await services.sweeps.get(actor, options.resume)
        : await services.sweeps.start(actor);
      console.log(
        `排查任务 / sweep ${job.id}（${job.regionCode}，${job.peopleTotal.toLocaleString('en-US')} 人 / people，${job.unitsTotal.toLocaleString('en-US')} 单位 / units）`,
      );
      const bar = new ProgressBar();
      const labels = { people: '个人 people', units: '单位 units  ', filing: '免申 filing ' } as const;
      await services.sweeps.run(job.id, actor, { onProgress: (p) => bar.update(labels[p.phase], p.done, p.total) });
      bar.end();
      const view = await services.sweeps.get(actor, job.id);
      console.log(
        `完成 / done: ${view.offersCreated.toLocaleString('en-US')} 条补贴提醒 / offers, ${view.applicationsFiled.toLocaleString('en-US')} 件免申即享申请 / applications filed`,
      );
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
