// The eval loop's `except*` instructions (CPython 3.11 ceval.c): CHECK_EG_MATCH splits the
// exception being handled into the part this clause matches and the rest; PREP_RERAISE_STAR
// merges what the clauses raised with the unhandled rest. The group logic is in
// objects/exceptionGroup.ts.

import type { PyObject } from '../objects/pyobject';
import { decref, newRef } from '../memory/heap';
import { None } from '../objects/none';
import type { PyList } from '../objects/list';
import { newTraceback } from '../objects/traceback';
import { exceptionGroupMatch, checkExceptStarType, prepReraiseStar } from '../objects/exceptionGroup';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

/** CHECK_EG_MATCH: [exc, type] → [rest, match], or [exc, None] when nothing matches. */
export function checkEgMatch(interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const matchType = stack[--f.sp]!;
  stack[f.sp] = null;
  let match: PyObject;
  let rest: PyObject;
  try {
    checkExceptStarType(matchType);
    const exc = stack[f.sp - 1]!;
    // A naked exception is wrapped in a group whose traceback is this frame.
    const fo = interp.frameObjectOf(f);
    const tb = newTraceback(null, fo as never, f.lasti);
    decref(fo);
    try {
      [match, rest] = exceptionGroupMatch(exc, matchType, tb);
    } finally {
      decref(tb);
    }
  } finally {
    decref(matchType);
  }
  if (match === None) {
    decref(rest);
    stack[f.sp++] = match;
    return;
  }
  const exc = stack[f.sp - 1]!;
  stack[f.sp - 1] = rest;
  stack[f.sp++] = match;
  // sys.exc_info() inside the clause is the matched part.
  const state = interp.excState;
  const old = state.value;
  state.value = newRef(match);
  if (old !== null) decref(old);
  decref(exc);
}

/** PREP_RERAISE_STAR: [orig, raised list] → [what to re-raise or None]. */
export function prepReraise(_interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const excs = stack[--f.sp] as PyList;
  stack[f.sp] = null;
  const orig = stack[f.sp - 1]!;
  try {
    stack[f.sp - 1] = prepReraiseStar(orig, excs);
  } catch (e) {
    stack[f.sp - 1] = newRef(None);
    throw e;
  } finally {
    decref(excs);
    decref(orig);
  }
}
