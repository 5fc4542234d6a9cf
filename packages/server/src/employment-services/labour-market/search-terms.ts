/**
 * Chinese keyword search without a word segmenter (decision 019). Chinese text has no spaces, so a
 * word index would need a dictionary the database lacks; instead a text is indexed by its distinct
 * characters and character pairs (bigrams). A keyword of one character must be among the
 * characters, one of two or more must have all its bigrams there; the text itself is then checked
 * with LIKE, so the index only narrows and never decides. Latin letters and digits are kept as runs
 * (`C1`, `PLC`) lower-cased, so "plc" finds "PLC".
 */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(text)) {
    const chars = [...run];
    if (isLatin(run)) {
      terms.add(run);
      continue;
    }
    chars.forEach((c, i) => {
      terms.add(c);
      const next = chars[i + 1];
      if (next !== undefined) terms.add(c + next);
    });
  }
  return [...terms].sort();
}

/** What a query must find among a posting's terms: each run's bigrams (or the one character, or the Latin run). */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(query)) {
    const chars = [...run];
    if (isLatin(run) || chars.length === 1) terms.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) terms.add((chars[i] as string) + (chars[i + 1] as string));
  }
  return [...terms].sort();
}

/** The runs of a text a keyword can match: split at spaces and punctuation, Latin apart from Chinese. */
export function runs(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[a-z0-9]+|[\p{Script=Han}]+/gu) ?? []
  ).filter(Boolean);
}

function isLatin(run: string): boolean {
  return /^[a-z0-9]+$/.test(run);
}
