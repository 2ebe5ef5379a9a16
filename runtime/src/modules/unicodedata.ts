// unicodedata (Modules/unicodedata.c) with CPython 3.11's Unicode 14.0.0 database: category,
// name / lookup (the "\N{...}" name table of syntax/unicodeNames.ts, read both ways), decimal /
// digit / numeric, and normalize / is_normalized. Categories and numeric values come from
// unicodedata.data.ts (scripts/gen-str-tables.py); which characters are decimal or digits from
// the str predicates' tables. Normalization is JS's String.prototype.normalize, whose ICU may
// know a newer Unicode: characters assigned after 14.0 can normalize where CPython leaves them.
// bidirectional, combining, east_asian_width, mirrored and decomposition are not provided.

import type { PyObject } from '../objects/pyobject';
import { PyStr, newStr } from '../objects/str';
import { newInt } from '../objects/int';
import { newFloat } from '../objects/float';
import { newBool } from '../objects/bool';
import { newException, TypeError, ValueError, KeyError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef } from '../memory/heap';
import { arity } from '../objects/define';
import { nativeModule } from './nativeModule';
import { codePointLength } from '../objects/str';
import { isDecimalCp, isDigitCp } from '../objects/unicodeProperties';
import { lookupUnicodeName, unicodeNameOf } from '../syntax/unicodeNames';
import type { Interpreter } from '../vm/interpreter';
import * as D from './unicodedata.data';

const CATEGORY_NAMES = D.CATEGORY_NAMES.split(' ');
let categoryStarts: Int32Array | null = null;
let categoryCodes: Uint8Array | null = null;

function category(cp: number): string {
  if (categoryStarts === null) {
    const n = D.CATEGORY.length >> 1;
    categoryStarts = new Int32Array(n);
    categoryCodes = new Uint8Array(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
      start += D.CATEGORY[2 * i];
      categoryStarts[i] = start;
      categoryCodes[i] = D.CATEGORY[2 * i + 1];
    }
  }
  let lo = 0, hi = categoryStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (categoryStarts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return CATEGORY_NAMES[categoryCodes![lo]];
}

/** The numeric value of `cp` as [numerator, denominator], or null. */
function numericValue(cp: number): [number, number] | null {
  const t = D.NUMERIC;
  let lo = 0, hi = (t.length >> 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = t[4 * mid], count = t[4 * mid + 1];
    if (cp < start) hi = mid - 1;
    else if (cp >= start + count) lo = mid + 1;
    else return [t[4 * mid + 2] + (cp - start) * t[4 * mid + 3], t[4 * mid + 3]];
  }
  return null;
}

/** The one character a function takes (Argument Clinic's "a unicode character"). */
function charArg(fname: string, o: PyObject): number {
  if (!(o instanceof PyStr) || codePointLength(o.value) !== 1) {
    throw newException(TypeError, `${fname}() argument must be a unicode character, not ${A.typeName(o)}`);
  }
  return o.value.codePointAt(0)!;
}

function strArg(fname: string, position: number, o: PyObject): string {
  if (!(o instanceof PyStr)) throw newException(TypeError, `${fname}() argument ${position} must be str, not ${A.typeName(o)}`);
  return o.value;
}

function formArg(o: PyObject): 'NFC' | 'NFD' | 'NFKC' | 'NFKD' {
  const form = strArg('normalize', 1, o);
  if (form !== 'NFC' && form !== 'NFD' && form !== 'NFKC' && form !== 'NFKD') throw newException(ValueError, 'invalid normalization form');
  return form;
}

export function makeUnicodedata(_interp: Interpreter) {
  const m = nativeModule('unicodedata');
  m.def('category', (_s, args, kwnames) => {
    if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
      throw newException(TypeError, `unicodedata.category() takes exactly one argument (${args.length} given)`);
    }
    return newStr(category(charArg('category', args[0])));
  });
  m.def('name', (_s, args, kwnames) => {
    arity('name', args, kwnames, 1, 2);
    const name = unicodeNameOf(charArg('name', args[0]));
    if (name !== undefined) return newStr(name);
    if (args.length > 1) return newRef(args[1]);
    throw newException(ValueError, 'no such name');
  });
  m.def('lookup', (_s, args, kwnames) => {
    arity('lookup', args, kwnames, 1);
    if (!(args[0] instanceof PyStr)) throw newException(TypeError, `a bytes-like object is required, not '${A.typeName(args[0])}'`);
    const cp = lookupUnicodeName(args[0].value);
    if (cp === undefined) throw newException(KeyError, `undefined character name '${args[0].value}'`);
    return newStr(String.fromCodePoint(cp));
  });
  const digitFunction = (fname: string, isOne: (cp: number) => boolean, error: string) => {
    m.def(fname, (_s, args, kwnames) => {
      arity(fname, args, kwnames, 1, 2);
      const cp = charArg(fname, args[0]);
      const value = isOne(cp) ? numericValue(cp) : null;
      if (value !== null) return newInt(value[0] / value[1]);
      if (args.length > 1) return newRef(args[1]);
      throw newException(ValueError, error);
    });
  };
  digitFunction('decimal', isDecimalCp, 'not a decimal');
  digitFunction('digit', isDigitCp, 'not a digit');
  m.def('numeric', (_s, args, kwnames) => {
    arity('numeric', args, kwnames, 1, 2);
    const value = numericValue(charArg('numeric', args[0]));
    if (value !== null) return newFloat(value[0] / value[1]);
    if (args.length > 1) return newRef(args[1]);
    throw newException(ValueError, 'not a numeric character');
  });
  m.def('normalize', (_s, args, kwnames) => {
    arity('normalize', args, kwnames, 2);
    const form = formArg(args[0]);
    const text = strArg('normalize', 2, args[1]);
    const result = text.normalize(form);
    // unicodedata_normalize_impl hands back the argument itself when it is already normalized.
    return result === text ? newRef(args[1]) : newStr(result);
  });
  m.def('is_normalized', (_s, args, kwnames) => {
    arity('is_normalized', args, kwnames, 2);
    const form = formArg(args[0]);
    const text = strArg('is_normalized', 2, args[1]);
    return newBool(text.normalize(form) === text);
  });
  m.put('unidata_version', newStr(D.UNIDATA_VERSION));
  return m.module;
}
