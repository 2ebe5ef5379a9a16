// FORMAT_VALUE and format(): conversion (!s, !r, !a) then `__format__` with the spec.

import type { PyObject } from '../objects/pyobject';
import { PyStr, newStr, strType } from '../objects/str';
import * as A from '../objects/abstract';
import { decref } from '../memory/heap';
import { newException, TypeError } from '../objects/exceptions';
import { asciiRepr } from '../objects/strMethods';

export function formatValue(v: PyObject, conversion: number, spec: PyObject | null): PyObject {
  let value = v;
  let owned = false;
  if (conversion === 1) { value = A.strObj(v); owned = true; }
  else if (conversion === 2) { value = A.reprObj(v); owned = true; }
  else if (conversion === 3) { value = newStr(asciiRepr(A.repr(v))); owned = true; }
  try {
    if (spec === null && value.ob_type === strType) return (value.ob_refcnt++, value);
    return format(value, spec === null ? '' : (spec as PyStr).value);
  } finally {
    if (owned) decref(value);
  }
}

/** format(value, spec): calls type(value).__format__. */
export function format(value: PyObject, spec: string): PyObject {
  const m = value.ob_type.lookup('__format__');
  if (m === null) throw newException(TypeError, `Type ${A.typeName(value)} doesn't define __format__`);
  const s = newStr(spec);
  try {
    const r = A.callBound(m, value, [s]);
    if (!(r instanceof PyStr)) {
      const n = A.typeName(r);
      decref(r);
      throw newException(TypeError, `__format__ must return a str, not ${n}`);
    }
    return r;
  } finally {
    decref(s);
  }
}
