// Binding call arguments to a code object's parameters (CPython's initialize_locals in ceval.c):
// positional, defaults, keyword, keyword-only, *args and **kwargs, with CPython 3.11's error
// messages (which name the function by its __qualname__).
//
// References: the values in `src[start..]` are STOLEN into `fast` (the caller has already given
// up or taken them); on error the binder releases whatever it did not place.

import type { PyObject } from '../objects/pyobject';
import type { PyFunction } from '../objects/function';
import { newTupleSteal, PyTuple } from '../objects/tuple';
import { newDict } from '../objects/dict';
import { newStr } from '../objects/str';
import { decref } from '../memory/heap';
import { newException, TypeError } from '../objects/exceptions';
import { CO_VARARGS, CO_VARKEYWORDS } from '../objects/code';
import { PyStr } from '../objects/str';

function joinNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

function fail(message: string, src: (PyObject | null)[], start: number, count: number, fast: (PyObject | null)[]): never {
  for (let i = 0; i < fast.length; i++) {
    const v = fast[i];
    if (v !== null) {
      fast[i] = null;
      decref(v);
    }
  }
  void src; void start; void count;
  throw newException(TypeError, message);
}

/**
 * Fill `fast` for a call of `func` with `count` arguments at src[start..], the last
 * `kwnames.length` of which are keyword values.
 */
export function bindArguments(
  func: PyFunction, fast: (PyObject | null)[], src: (PyObject | null)[], start: number, count: number, kwnames: string[] | null,
): void {
  const co = func.code.co;
  const argcount = co.co_argcount;
  const flags = co.co_flags;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = count - nkw;
  const qual = func.qualname;
  // Fast path: exact positional call, no defaults needed, no *args/**kwargs.
  if (nkw === 0 && npos === argcount && (flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.co_kwonlyargcount === 0) {
    for (let i = 0; i < npos; i++) fast[i] = src[start + i];
    return;
  }
  const total = argcount + co.co_kwonlyargcount;
  let kwdict: import('../objects/dict').PyDict | null = null;
  let slot = total;
  if (flags & CO_VARARGS) slot++;
  if (flags & CO_VARKEYWORDS) {
    kwdict = newDict();
    fast[slot] = kwdict;
  }
  const nbound = Math.min(npos, argcount);
  for (let i = 0; i < nbound; i++) fast[i] = src[start + i];
  if (flags & CO_VARARGS) {
    const extra: PyObject[] = [];
    for (let i = nbound; i < npos; i++) extra.push(src[start + i]!);
    fast[total] = newTupleSteal(extra);
  } else if (npos > argcount) {
    for (let i = nbound; i < count; i++) decref(src[start + i]!);
    const defaults = func.defaults?.items.length ?? 0;
    let kwonlyGiven = 0;
    if (kwnames !== null) {
      for (const k of kwnames) {
        const idx = co.co_varnames.indexOf(k);
        if (idx >= argcount && idx < total) kwonlyGiven++;
      }
    }
    const takes = defaults > 0 ? `from ${argcount - defaults} to ${argcount}` : `${argcount}`;
    const plural = defaults > 0 || argcount !== 1 ? 's' : '';
    const was = npos === 1 ? 'was' : 'were';
    let given = `${npos}`;
    if (kwonlyGiven > 0) {
      given = `${npos} positional argument${npos === 1 ? '' : 's'} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven === 1 ? '' : 's'})`;
      fail(`${qual}() takes ${takes} positional argument${plural} but ${given} were given`, src, start, count, fast);
    }
    fail(`${qual}() takes ${takes} positional argument${plural} but ${given} ${was} given`, src, start, count, fast);
  }
  if (kwnames !== null) {
    const posonly = co.co_posonlyargcount;
    const posonlyAsKw: string[] = [];
    for (let k = 0; k < nkw; k++) {
      const name = kwnames[k];
      const value = src[start + npos + k]!;
      let idx = -1;
      const names = co.co_varnames;
      for (let j = posonly; j < total; j++) {
        if (names[j] === name) {
          idx = j;
          break;
        }
      }
      if (idx < 0) {
        if (kwdict !== null) {
          const key = newStr(name);
          kwdict.set(key, value);
          decref(key);
          decref(value);
          continue;
        }
        for (let r = k; r < nkw; r++) decref(src[start + npos + r]!);
        if (names.slice(0, posonly).includes(name)) posonlyAsKw.push(name);
        if (posonlyAsKw.length > 0) {
          fail(`${qual}() got some positional-only arguments passed as keyword arguments: '${posonlyAsKw.join(', ')}'`, src, start, count, fast);
        }
        fail(`${qual}() got an unexpected keyword argument '${name}'`, src, start, count, fast);
      }
      if (fast[idx] !== null) {
        for (let r = k; r < nkw; r++) decref(src[start + npos + r]!);
        fail(`${qual}() got multiple values for argument '${name}'`, src, start, count, fast);
      }
      fast[idx] = value;
    }
  }
  // Defaults for missing positional parameters.
  if (npos < argcount) {
    const defaults = func.defaults !== null ? func.defaults.items : [];
    const firstDefault = argcount - defaults.length;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (fast[i] === null) {
        if (i >= firstDefault) {
          const d = defaults[i - firstDefault];
          d.ob_refcnt++;
          fast[i] = d;
        } else missing.push(co.co_varnames[i]);
      }
    }
    if (missing.length > 0) {
      fail(`${qual}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${joinNames(missing)}`, src, start, count, fast);
    }
  }
  if (co.co_kwonlyargcount > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (fast[i] !== null) continue;
      const name = co.co_varnames[i];
      const d = func.kwdefaults?.getStr(name);
      if (d !== undefined) {
        d.ob_refcnt++;
        fast[i] = d;
      } else missing.push(name);
    }
    if (missing.length > 0) {
      fail(`${qual}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${joinNames(missing)}`, src, start, count, fast);
    }
  }
}

export function kwnamesFromTuple(t: PyTuple): string[] {
  return t.items.map((o) => (o as PyStr).value);
}
