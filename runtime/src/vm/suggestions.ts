// "Did you mean: ...?" for NameError and AttributeError (Python/suggestions.c, 3.11): the
// candidate with the smallest Levenshtein distance (case changes cost 1, other edits 2), within
// (len(name) + len(candidate) + 3) * 2 // 6, computed only at display time.

import { PyBaseException, NameError, AttributeError } from '../objects/exceptions';
import { PyStr } from '../objects/str';
import { PyTraceback } from '../objects/traceback';
import { dirNames } from '../objects/objectMethods';
import { PyDict } from '../objects/dict';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return CASE_COST;
  return MOVE_COST;
}

function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  // Strip common prefix and suffix.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf);
  b = b.slice(0, b.length - suf);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0; i < a.length; i++) buffer[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex];
    let distance = bIndex * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index]);
      distance = buffer[index];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

export function calculateSuggestion(candidates: string[], name: string): string | null {
  if (candidates.length > MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const maxDistance = Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

export function suggestionFor(exc: PyBaseException, builtinsNames: () => string[]): string {
  const nameObj = exc.name;
  if (!(nameObj instanceof PyStr)) return '';
  const name = nameObj.value;
  let s: string | null = null;
  if (exc.ob_type === NameError || (exc.ob_type.isSubtypeOf(NameError) && !exc.ob_type.name.startsWith('Unbound'))) {
    if (!(exc.traceback instanceof PyTraceback)) return '';
    let tb: PyTraceback = exc.traceback;
    while (tb.next !== null) tb = tb.next;
    const frame = tb.frame;
    s = calculateSuggestion(frame.code.co.co_varnames, name);
    if (s === null) s = calculateSuggestion(globalsNames(frame.globals), name);
    if (s === null) s = calculateSuggestion(builtinsNames(), name);
  } else if (exc.ob_type.isSubtypeOf(AttributeError) && exc.extra !== null) {
    s = calculateSuggestion(dirNames(exc.extra), name);
  }
  return s === null ? '' : `. Did you mean: '${s}'?`;
}

function globalsNames(d: PyDict): string[] {
  return d.keyList().filter((k): k is PyStr => k instanceof PyStr).map((k) => k.value);
}
