// The golden files of the front end: which sources exist (own cases and corpus programs), where
// CPython's expected dump of each one lives, and how to compare a producer's output with it and
// report the differences readably. Kept free of any runtime import so that the file-layout checks
// run even while the front end itself is incomplete.

import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const TEST_DIR = join(__dirname, '..');
export const CASES_DIR = join(TEST_DIR, 'golden', 'cases');
export const CORPUS_DIR = join(TEST_DIR, 'corpus', 'seeds');
export const EXPECTED_DIR = join(TEST_DIR, 'golden', 'expected');

export type DumpKind = 'ast' | 'symtable' | 'dis';
export const DUMP_KINDS: readonly DumpKind[] = ['ast', 'symtable', 'dis'];

export interface GoldenSource {
  /** Path relative to test/, with forward slashes: 'golden/cases/scopes/x.py', 'corpus/seeds/s1.py'. */
  rel: string;
  /** 'corpus' or the case folder ('grammar', 'syntax-errors', 'scopes'). */
  group: string;
}

function pyFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...pyFilesUnder(path));
    else if (entry.endsWith('.py')) found.push(path);
  }
  return found;
}

function relToTest(path: string): string {
  return relative(TEST_DIR, path).split(sep).join('/');
}

/** Every golden source in a stable order: own cases first, then the corpus. */
export function goldenSources(): GoldenSource[] {
  const cases = pyFilesUnder(CASES_DIR).map((path) => ({
    rel: relToTest(path),
    group: relative(CASES_DIR, path).split(sep)[0],
  }));
  const corpus = pyFilesUnder(CORPUS_DIR).map((path) => ({ rel: relToTest(path), group: 'corpus' }));
  return [...cases, ...corpus];
}

export function expectedPathFor(kind: DumpKind, rel: string): string {
  return join(EXPECTED_DIR, kind, rel.replace(/\.py$/, '.txt'));
}

/** Raw text of a source as a UTF-8 decode that keeps a BOM, as Python's open(encoding='utf-8') does. */
export function readSourceText(rel: string): string {
  return readFileSync(join(TEST_DIR, rel)).toString('utf8');
}

export function readExpected(kind: DumpKind, rel: string): string | null {
  const path = expectedPathFor(kind, rel);
  return existsSync(path) ? readFileSync(path).toString('utf8') : null;
}

/** Every expected .txt file that exists on disk, as a path relative to EXPECTED_DIR. */
export function expectedFilesOnDisk(): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((entry) => {
      const path = join(folder, entry);
      return statSync(path).isDirectory() ? walk(path) : entry.endsWith('.txt') ? [path] : [];
    });
  return existsSync(EXPECTED_DIR) ? walk(EXPECTED_DIR).map((p) => relative(EXPECTED_DIR, p).split(sep).join('/')) : [];
}

/**
 * A unified-style hunk at the first place where the texts differ: a little common context, the
 * differing lines of each side (each cut to maxLines) up to the nearest point where the two texts
 * agree again for a few lines, so that later, unrelated differences do not blur the first one.
 */
export function describeDifference(expected: string, actual: string, contextLines = 2, maxLines = 8): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  let head = 0;
  while (head < want.length && head < got.length && want[head] === got[head]) head++;
  const [wantEnd, gotEnd] = resynchronize(want, got, head);
  const removed = want.slice(head, wantEnd);
  const added = got.slice(head, gotEnd);
  const out = [`@@ line ${head + 1} (CPython has ${want.length} lines, ours ${got.length}) @@`];
  for (const line of want.slice(Math.max(0, head - contextLines), head)) out.push(`  ${line}`);
  for (const line of removed.slice(0, maxLines)) out.push(`- ${line}`);
  if (removed.length > maxLines) out.push(`- ... ${removed.length - maxLines} more CPython lines`);
  for (const line of added.slice(0, maxLines)) out.push(`+ ${line}`);
  if (added.length > maxLines) out.push(`+ ... ${added.length - maxLines} more of our lines`);
  for (const line of want.slice(wantEnd, wantEnd + contextLines)) out.push(`  ${line}`);
  return out.join('\n');
}

/** The nearest (by lines skipped on both sides) pair of indexes where both texts agree again. */
function resynchronize(want: string[], got: string[], from: number, agreeLines = 3, searchLimit = 400): [number, number] {
  const agreeAt = (i: number, j: number): boolean => {
    for (let k = 0; k < agreeLines; k++) {
      const atEnd = i + k >= want.length || j + k >= got.length;
      if (atEnd) return i + k >= want.length && j + k >= got.length;
      if (want[i + k] !== got[j + k]) return false;
    }
    return true;
  };
  for (let skipped = 1; skipped <= searchLimit; skipped++) {
    for (let fromWant = 0; fromWant <= skipped; fromWant++) {
      const i = from + fromWant;
      const j = from + skipped - fromWant;
      if (i <= want.length && j <= got.length && agreeAt(i, j)) return [i, j];
    }
  }
  return [want.length, got.length];
}

export interface Mismatch {
  rel: string;
  group: string;
  detail: string;
}

export interface GoldenComparison {
  kind: DumpKind;
  total: number;
  identical: number;
  /** group -> [identical, total] */
  byGroup: Map<string, [number, number]>;
  mismatches: Mismatch[];
}

/**
 * Runs produce() on every source and compares with CPython's expected text. A producer that throws
 * counts as a mismatch whose detail is the exception, so one crash never hides the other results.
 */
export function compareWithCPython(
  kind: DumpKind,
  sources: readonly GoldenSource[],
  produce: (sourceText: string, rel: string) => string,
): GoldenComparison {
  const result: GoldenComparison = { kind, total: 0, identical: 0, byGroup: new Map(), mismatches: [] };
  for (const source of sources) {
    const expected = readExpected(kind, source.rel);
    if (expected === null) {
      result.mismatches.push({ ...source, detail: `no expected file ${relative(TEST_DIR, expectedPathFor(kind, source.rel))}: run npm run golden:regen` });
      continue;
    }
    let actual: string;
    let detail: string | null = null;
    try {
      actual = produce(readSourceText(source.rel), source.rel);
      if (actual !== expected) detail = describeDifference(expected, actual);
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? String(error)).split('\n').slice(0, 6).join('\n') : String(error);
      detail = `threw instead of printing:\n${stack}`;
    }
    const counts = result.byGroup.get(source.group) ?? [0, 0];
    counts[1]++;
    result.total++;
    if (detail === null) {
      counts[0]++;
      result.identical++;
    } else {
      result.mismatches.push({ ...source, detail });
    }
    result.byGroup.set(source.group, counts);
  }
  return result;
}

/** 'ast: 412/412 files identical to CPython (corpus 280/280, grammar 170/170, ...)' */
export function summarize(comparison: GoldenComparison): string {
  const groups = [...comparison.byGroup.entries()]
    .map(([group, [same, total]]) => `${group} ${same}/${total}`)
    .join(', ');
  return `${comparison.kind}: ${comparison.identical}/${comparison.total} files identical to CPython (${groups})`;
}

export function mismatchReport(comparison: GoldenComparison, limit: number): string {
  const shown = comparison.mismatches.slice(0, limit);
  const parts = shown.map((m) => `--- ${m.rel} (expected/${comparison.kind}, CPython)\n+++ ours\n${m.detail}`);
  const rest = comparison.mismatches.length - shown.length;
  if (rest > 0) parts.push(`... and ${rest} more mismatching files (set GOLDEN_SHOW=N to see more)`);
  return parts.join('\n\n');
}

/** The slice of runtime/src/frontend.ts that the golden suite drives. */
export interface FrontendUnderTest {
  astDumpText(source: string, filename: string, positions: boolean): string;
  symtableDumpText(source: string, filename: string): string;
  normalizeNewlines(text: string): string;
}

export const KNOWN_MISMATCHES_FILE = join(TEST_DIR, 'golden', 'known-mismatches.txt');

/**
 * The acknowledged gaps: 'KIND PATH' lines (path relative to test/) for files whose dump is known
 * not to match yet. They keep `npm test` green while the front end is unfinished without hiding
 * anything new: a mismatch that is not listed fails the suite.
 */
export function readKnownMismatches(): Set<string> {
  if (!existsSync(KNOWN_MISMATCHES_FILE)) return new Set();
  return new Set(
    readFileSync(KNOWN_MISMATCHES_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

function writeKnownMismatches(entries: string[]): void {
  const header = [
    '# Golden files whose dump from our front end does not match CPython 3.11 yet, as "KIND PATH".',
    '# test/golden/frontend.test.ts fails on any mismatch NOT listed here, and reports listed files',
    '# that match now. Remove a line when its file is fixed; never add one to hide a regression.',
    '# Rewrite from the current results: GOLDEN_WRITE_KNOWN=1 npx mocha --no-config -r tsx/cjs test/golden/frontend.test.ts',
  ];
  writeFileSync(KNOWN_MISMATCHES_FILE, [...header, ...entries.sort(), ''].join('\n'));
}

/**
 * Declares one mocha test per dump kind over every golden source. Each test's title becomes its
 * count ('ast: 412/412 files identical to CPython (...)'). A test fails when a file mismatches that
 * known-mismatches.txt does not list, showing the first GOLDEN_SHOW (default 15) of them with a
 * diff. GOLDEN_STRICT=1 fails on every mismatch, listed or not; GOLDEN_FILTER=text keeps only the
 * sources whose path contains text; GOLDEN_WRITE_KNOWN=1 rewrites the list from the results.
 */
export function defineFrontendGoldenSuite(frontend: FrontendUnderTest): void {
  const filter = process.env.GOLDEN_FILTER ?? '';
  const limit = Number(process.env.GOLDEN_SHOW ?? '15') || 15;
  const strict = process.env.GOLDEN_STRICT === '1';
  const writeKnown = process.env.GOLDEN_WRITE_KNOWN === '1' && filter === '';
  const sources = goldenSources().filter((s) => s.rel.includes(filter));
  const known = readKnownMismatches();
  const stillFailing: string[] = [];
  const producers: [DumpKind, (text: string, rel: string) => string][] = [
    ['ast', (text, rel) => frontend.astDumpText(frontend.normalizeNewlines(text), rel, true)],
    ['symtable', (text, rel) => frontend.symtableDumpText(frontend.normalizeNewlines(text), rel)],
  ];
  describe('front end vs CPython 3.11 golden dumps', function () {
    // ~1500 files per kind in one process: seconds normally, more on a loaded machine.
    this.timeout(300000);
    for (const [kind, produce] of producers) {
      it(`${kind} dumps of ${sources.length} files equal CPython's`, function () {
        const comparison = compareWithCPython(kind, sources, produce);
        const failing = new Set(comparison.mismatches.map((m) => `${kind} ${m.rel}`));
        stillFailing.push(...failing);
        const listed = [...failing].filter((entry) => known.has(entry)).length;
        const nowIdentical = sources.filter((s) => known.has(`${kind} ${s.rel}`) && !failing.has(`${kind} ${s.rel}`));
        let summary = summarize(comparison);
        if (listed > 0) summary += `; ${listed} listed in known-mismatches.txt`;
        if (this.test) this.test.title = summary;
        if (nowIdentical.length > 0) {
          console.log(`      ${nowIdentical.length} ${kind} files listed in known-mismatches.txt now match CPython; remove them:` +
            nowIdentical.slice(0, 10).map((s) => `\n        ${kind} ${s.rel}`).join(''));
        }
        const unexpected: GoldenComparison = {
          ...comparison,
          mismatches: comparison.mismatches.filter((m) => strict || writeKnown || !known.has(`${kind} ${m.rel}`)),
        };
        if (unexpected.mismatches.length > 0 && !writeKnown) {
          const which = strict ? 'mismatching files' : 'mismatching files not listed in known-mismatches.txt';
          throw new Error(`${summary}\n${unexpected.mismatches.length} ${which}:\n\n${mismatchReport(unexpected, limit)}`);
        }
      });
    }
    if (writeKnown) {
      after(() => writeKnownMismatches(stillFailing));
    }
  });
}
