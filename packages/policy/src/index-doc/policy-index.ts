import { cite, documentName, DOCUMENTS, formatCitation, type Citation, type DocumentId } from '../core/documents.js';
import { chineseNumber } from '../core/citations.js';
import type { Duration } from '../core/durations.js';
import type { ParameterList, ParameterValue } from '../core/parameters.js';
import type { Scheme, SubsidyDefinition } from '../core/subsidy.js';

/**
 * docs/policy-index.md (政策条款索引): for each policy document and article, what in the engine
 * cites it — the schemes built on it, the schemes whose end it sets, the conditions, the parameters
 * and the durations it states — each with the file that holds it, so a reader goes from
 * "川办发〔2024〕34号 （五）" to the code in one step. Generated from the registered subsidies and the
 * parameter files by `npm run docs:policy-index`; policy-index.test.ts fails when the committed file
 * differs from what the code gives.
 */
export function policyIndex(
  catalogue: readonly SubsidyDefinition[],
  parameters: readonly ParameterList[],
  durations: readonly ParameterList[],
): string {
  const rows = new Rows();
  for (const subsidy of catalogue) for (const scheme of subsidy.schemes) addScheme(rows, subsidy, scheme);
  addConditions(rows, catalogue);
  for (const list of parameters)
    for (const value of list.values) rows.add(value.citation, 'parameter', parameterText(value), list.source);
  const appliedBy = durationUses(catalogue);
  for (const list of durations) {
    for (const value of list.values) {
      const uses = appliedBy.get(durationKey(value)) ?? [];
      rows.add(
        value.citation,
        'duration',
        `${parameterText(value)}${uses.length ? ` — applied by ${uses.join(', ')}` : ''}`,
        list.source,
      );
    }
  }
  return render(rows);
}

type Kind = 'scheme' | 'period' | 'condition' | 'parameter' | 'duration';
const KIND_ORDER: readonly Kind[] = ['scheme', 'period', 'condition', 'parameter', 'duration'];

interface Row {
  readonly kind: Kind;
  readonly what: string;
  readonly file: string;
}

/** Rows by document, then article. */
class Rows {
  readonly byDocument = new Map<DocumentId, Map<string, Row[]>>();

  add(citation: Citation | undefined, kind: Kind, what: string, source: string): void {
    if (!citation) return;
    let articles = this.byDocument.get(citation.document);
    if (!articles) this.byDocument.set(citation.document, (articles = new Map()));
    let list = articles.get(citation.article);
    if (!list) articles.set(citation.article, (list = []));
    list.push({ kind, what, file: repoPath(source) });
  }
}

function addScheme(rows: Rows, subsidy: SubsidyDefinition, scheme: Scheme): void {
  const period = scheme.to ? `${scheme.from} – ${scheme.to}` : `from ${scheme.from}`;
  rows.add(
    scheme.basis,
    'scheme',
    `${code(scheme.id)} ${subsidy.name.zh} · ${scheme.region} · ${period}`,
    subsidy.source,
  );
  const clause = scheme.periodClause;
  if (clause && scheme.to && !sameArticle(clause, scheme.basis)) {
    rows.add(clause, 'period', `ends ${code(scheme.id)} on ${scheme.to}`, subsidy.source);
  }
}

/** One row per condition and file, naming every scheme that checks it: shared rules appear once. */
function addConditions(rows: Rows, catalogue: readonly SubsidyDefinition[]): void {
  const grouped = new Map<
    string,
    { citation: Citation; code: string; rule: string; source: string; schemes: string[] }
  >();
  for (const subsidy of catalogue) {
    for (const scheme of subsidy.schemes) {
      for (const c of scheme.conditions) {
        const key = [c.citation.document, c.citation.article, c.code, c.rule.zh, subsidy.source].join('\u0000');
        const entry = grouped.get(key);
        if (entry) entry.schemes.push(scheme.id);
        else
          grouped.set(key, {
            citation: c.citation,
            code: c.code,
            rule: c.rule.zh,
            source: subsidy.source,
            schemes: [scheme.id],
          });
      }
    }
  }
  for (const g of grouped.values())
    rows.add(g.citation, 'condition', `${code(g.code)} ${g.rule} — in ${g.schemes.map(code).join(', ')}`, g.source);
}

/** For each stated duration, the schemes and conditions that apply it. */
function durationUses(catalogue: readonly SubsidyDefinition[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const subsidy of catalogue) {
    for (const scheme of subsidy.schemes) {
      const byDuration = new Map<string, string[]>();
      for (const c of scheme.conditions) {
        for (const d of c.durations ?? []) {
          const codes = byDuration.get(durationKey(d)) ?? [];
          if (!codes.includes(c.code)) codes.push(c.code);
          byDuration.set(durationKey(d), codes);
        }
      }
      for (const [key, codes] of byDuration) {
        const list = uses.get(key) ?? [];
        list.push(`${code(scheme.id)} (${codes.join(', ')})`);
        uses.set(key, list);
      }
    }
  }
  return uses;
}

function durationKey(d: ParameterValue | Duration): string {
  return `${d.parameter}@${d.region}@${d.from}`;
}

function parameterText(p: ParameterValue): string {
  const period = p.to ? `${p.from} – ${p.to}` : `from ${p.from}`;
  return `${code(p.parameter)} = ${p.value} · ${p.region} · ${period}${p.note ? ` (${p.note})` : ''}`;
}

function render(rows: Rows): string {
  const out: string[] = [
    '# Policy index',
    '',
    '<!-- Generated by `npm run docs:policy-index` (packages/policy/src/index-doc/policy-index.ts). Do not edit by hand. -->',
    '',
    'For each policy document and article, what in the engine cites it, with the file that holds it:',
    'the **schemes** built on the article, the schemes whose **period** it ends, the **conditions** that',
    'cite it (with every scheme that checks them), the **parameters** it states (amounts, rates, limits:',
    '`src/parameters`), and the **durations** it states with the schemes and conditions that apply them.',
    'Values are as stored: money in 分, shares in ‰ where the id says `permille`, durations in the unit',
    'their id ends with. Amount rules cite the parameter they read, so they are found through its row.',
    "Headings are written as decisions cite the article (`cites`), so a reason's citation finds its section.",
    '',
  ];
  for (const [id, doc] of Object.entries(DOCUMENTS) as [DocumentId, (typeof DOCUMENTS)[DocumentId]][]) {
    const period = doc.inForceTo ? `${doc.inForceFrom} – ${doc.inForceTo}` : `from ${doc.inForceFrom}`;
    out.push(
      `## ${documentName(id)}`,
      '',
      `${doc.title} · ${doc.issuer} · ${doc.region} · in force ${period} · \`${id}\``,
      '',
    );
    const articles = rows.byDocument.get(id);
    if (!articles) {
      out.push('Nothing in the engine cites it.', '');
      continue;
    }
    for (const article of [...articles.keys()].sort(byArticle)) {
      out.push(`### ${formatCitation(cite(id, article))}`, '', '| | what | file |', '|---|---|---|');
      const list = [...(articles.get(article) ?? [])].sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.what, b.what) || compare(a.file, b.file),
      );
      for (const row of list) out.push(`| ${row.kind} | ${cell(row.what)} | ${link(row.file)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** `packages/policy/src/…ts` from a module URL, whether it ran from the sources (vitest) or the build. */
export function repoPath(url: string): string {
  const path = new URL(url).pathname;
  const marker = '/packages/policy/';
  const at = path.lastIndexOf(marker);
  if (at < 0) throw new RangeError(`${url} is not a module of packages/policy`);
  return `packages/policy/${path.slice(at + marker.length).replace(/^dist\/(.*)\.js$/, '$1.ts')}`;
}

function link(file: string): string {
  return `[${file.replace('packages/policy/src/', '')}](../${file})`;
}

function code(s: string): string {
  return `\`${s}\``;
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|');
}

function sameArticle(a: Citation, b: Citation): boolean {
  return a.document === b.document && a.article === b.article;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Articles in the order of the text: 第五条 < 第五条（二） < 第九条 < 第十条（一）; unnumbered last. */
function byArticle(a: string, b: string): number {
  const ka = articleNumbers(a);
  const kb = articleNumbers(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (x === undefined || y === undefined)
      return x === undefined ? (ka.length === 0 ? 1 : -1) : kb.length === 0 ? -1 : 1;
    if (x !== y) return x - y;
  }
  return compare(a, b);
}

function articleNumbers(article: string): number[] {
  return [...article.matchAll(/[〇零一二三四五六七八九十]+|\d+/g)].map(([m]) => chineseNumber(m));
}
