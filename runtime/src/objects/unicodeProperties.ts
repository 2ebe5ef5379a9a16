// CPython 3.11's Unicode character database as str's methods see it (Objects/unicodectype.c,
// unicodeobject.c's case conversions): the properties behind isalpha/isdecimal/isdigit/
// isnumeric/islower/isupper/istitle, and the full case mappings (SpecialCasing: ß -> SS,
// ligatures, titlecase digraphs, final sigma) behind upper/lower/title/capitalize/swapcase/
// casefold. The tables come from CPython itself (scripts/gen-str-tables.py, Unicode 14.0.0), never
// from JS's \p{...} or toUpperCase(), whose newer Unicode and locale-free rules differ.
// Everything here works on code points; callers iterate strings by code point.

import * as T from './unicodeProperties.data';
import { IDENTIFIER_CONTINUE, IDENTIFIER_START, PRINTABLE } from '../syntax/unicodeClasses.data';

/** Binary search in sorted, flattened inclusive ranges [start, end, start, end, ...]. */
function inRanges(flat: readonly number[], cp: number): boolean {
  let lo = 0, hi = (flat.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < flat[2 * mid]) hi = mid - 1;
    else if (cp > flat[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isAlphaCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return inRanges(T.ALPHA, cp);
}
export function isDecimalCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : inRanges(T.DECIMAL, cp);
}
export function isDigitCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : inRanges(T.DIGIT, cp);
}
export function isNumericCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : inRanges(T.NUMERIC, cp);
}
/** The Lowercase flag (Py_UNICODE_ISLOWER). */
export function isLowerCp(cp: number): boolean {
  return cp < 128 ? cp >= 97 && cp <= 122 : inRanges(T.LOWER, cp);
}
/** The Uppercase flag (Py_UNICODE_ISUPPER). */
export function isUpperCp(cp: number): boolean {
  return cp < 128 ? cp >= 65 && cp <= 90 : inRanges(T.UPPER, cp);
}
/** The titlecase flag (Py_UNICODE_ISTITLE: category Lt). */
export function isTitleCp(cp: number): boolean {
  return cp >= 128 && inRanges(T.TITLE, cp);
}
export function isCasedCp(cp: number): boolean {
  return isLowerCp(cp) || isUpperCp(cp) || isTitleCp(cp);
}
export function isCaseIgnorableCp(cp: number): boolean {
  return inRanges(T.CASE_IGNORABLE, cp);
}
export function isAlnumCp(cp: number): boolean {
  return isAlphaCp(cp) || isDecimalCp(cp) || isDigitCp(cp) || isNumericCp(cp);
}

/** Py_UNICODE_ISPRINTABLE (the tokenizer's table: non-ASCII ranges). */
export function isPrintableCp(cp: number): boolean {
  return cp < 128 ? cp >= 32 && cp !== 127 : inRanges(PRINTABLE, cp);
}

/** str.isidentifier: XID_Start or '_', then XID_Continue (no NFKC here, unlike the tokenizer). */
export function isIdentifierStr(s: string): boolean {
  let first = true;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const ok = cp < 128
      ? cp === 95 || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (!first && cp >= 48 && cp <= 57)
      : inRanges(first ? IDENTIFIER_START : IDENTIFIER_CONTINUE, cp);
    if (!ok) return false;
    first = false;
  }
  return !first;
}

type CaseMap = Map<number, string>;

/** Expand a generated mapping: runs [start, end, stride, delta] plus multi-character results. */
function expand(runs: readonly number[], special: Readonly<Record<string, string>>, base?: CaseMap): CaseMap {
  const map: CaseMap = new Map(base);
  for (let i = 0; i < runs.length; i += 4) {
    const [start, end, stride, delta] = [runs[i], runs[i + 1], runs[i + 2], runs[i + 3]];
    for (let cp = start; cp <= end; cp += stride) map.set(cp, String.fromCodePoint(cp + delta));
  }
  for (const [cp, text] of Object.entries(special)) map.set(Number(cp), text);
  return map;
}

let upperMap: CaseMap | null = null, lowerMap: CaseMap | null = null;
let titleMap: CaseMap | null = null, foldMap: CaseMap | null = null;

function uppers(): CaseMap { return upperMap ??= expand(T.UPPER_MAP_RUNS, T.UPPER_MAP_SPECIAL); }
function lowers(): CaseMap { return lowerMap ??= expand(T.LOWER_MAP_RUNS, T.LOWER_MAP_SPECIAL); }
/** Title mappings are stored as differences from the upper ones, folds from the lower ones. */
function titles(): CaseMap { return titleMap ??= expand(T.TITLE_MAP_RUNS, T.TITLE_MAP_SPECIAL, uppers()); }
function folds(): CaseMap { return foldMap ??= expand(T.FOLD_MAP_RUNS, T.FOLD_MAP_SPECIAL, lowers()); }

function mapped(map: CaseMap, ch: string): string {
  return map.get(ch.codePointAt(0)!) ?? ch;
}

/**
 * handle_capital_sigma: Σ at `i` of `chars` lowers to final ς when a cased character precedes it
 * and none follows (case-ignorable characters skipped both ways).
 */
function lowerSigma(chars: string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && isCaseIgnorableCp(chars[j].codePointAt(0)!)) j--;
  const casedBefore = j >= 0 && isCasedCp(chars[j].codePointAt(0)!);
  j = i + 1;
  while (j < chars.length && isCaseIgnorableCp(chars[j].codePointAt(0)!)) j++;
  const casedAfter = j < chars.length && isCasedCp(chars[j].codePointAt(0)!);
  return casedBefore && !casedAfter ? '\u03c2' : '\u03c3';
}

function lowerAt(chars: string[], i: number): string {
  return chars[i] === '\u03a3' ? lowerSigma(chars, i) : mapped(lowers(), chars[i]);
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

export function upperStr(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  const map = uppers();
  let out = '';
  for (const ch of s) out += mapped(map, ch);
  return out;
}

export function lowerStr(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) out += lowerAt(chars, i);
  return out;
}

export function casefoldStr(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const map = folds();
  let out = '';
  for (const ch of s) out += mapped(map, ch);
  return out;
}

/** do_title: titlecase after an uncased character, lowercase after a cased one. */
export function titleStr(s: string): string {
  const chars = [...s];
  let out = '';
  let previousCased = false;
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    out += previousCased ? lowerAt(chars, i) : mapped(titles(), chars[i]);
    previousCased = isCasedCp(cp);
  }
  return out;
}

/** do_capitalize: the first character titlecased, the rest lowercased. */
export function capitalizeStr(s: string): string {
  const chars = [...s];
  let out = chars.length > 0 ? mapped(titles(), chars[0]) : '';
  for (let i = 1; i < chars.length; i++) out += lowerAt(chars, i);
  return out;
}

/** do_swapcase: uppercase characters lowered, lowercase ones uppered, others kept. */
export function swapcaseStr(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    if (isUpperCp(cp)) out += lowerAt(chars, i);
    else if (isLowerCp(cp)) out += mapped(uppers(), chars[i]);
    else out += chars[i];
  }
  return out;
}

/** unicode_islower_impl / isupper / istitle over code points. */
export function isLowerStr(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isUpperCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isLowerCp(cp)) cased = true;
  }
  return cased;
}

export function isUpperStr(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isLowerCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isUpperCp(cp)) cased = true;
  }
  return cased;
}

export function isTitleStr(s: string): boolean {
  let cased = false, previousCased = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isUpperCp(cp) || isTitleCp(cp)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (isLowerCp(cp)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** Every code point of a non-empty `s` satisfies `test`. */
export function allCodePoints(s: string, test: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!test(ch.codePointAt(0)!)) return false;
  return true;
}
