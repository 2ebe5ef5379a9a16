// repr() of code-object constants as dis prints them (tuples, frozensets, nested code objects),
// on top of the scalar reprs in syntax/constants.ts.

import { reprConstant } from '../syntax/constants';
import type { ConstantValue } from '../syntax/constants';
import { ConstFrozenset, ConstTuple } from './codeObject';
import type { CodeConstant, CodeObject } from './codeObject';

export function isCodeObject(value: unknown): value is CodeObject {
  return typeof value === 'object' && value !== null && 'co_code' in value;
}

/** repr(value); code objects are shown as dis_dump.py shows them in listings (`<code NAME>`). */
export function reprCodeConstant(value: CodeConstant): string {
  if (value instanceof ConstTuple) {
    const items = value.items.map(reprCodeConstant);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (value instanceof ConstFrozenset) {
    return value.items.length === 0 ? 'frozenset()' : `frozenset({${value.items.map(reprCodeConstant).join(', ')}})`;
  }
  if (isCodeObject(value)) return `<code ${value.co_name}>`;
  return reprConstant(value as ConstantValue);
}

/** repr() of a tuple of names, e.g. co_varnames. */
export function reprNameTuple(names: readonly string[]): string {
  return reprCodeConstant(new ConstTuple(names));
}
