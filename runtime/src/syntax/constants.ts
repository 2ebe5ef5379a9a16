// Literal values as the front end produces them (ast.Constant.value) and their Python repr.
// Python's types map onto JS ones without loss: int → bigint (arbitrary precision), float → number,
// str → string (UTF-16, lone surrogates allowed as in Python), bool → boolean, None → null.
// bytes, complex and Ellipsis have no JS counterpart and get small immutable wrappers.

import { reprFloat, reprStr, reprBytes } from '../text/repr';

export class BytesValue {
  constructor(readonly bytes: Uint8Array) {}
}

/** A complex literal: the parser only ever makes pure imaginary numbers (`3j`); folding makes the rest. */
export class ComplexValue {
  constructor(readonly real: number, readonly imag: number) {}
}

export const ELLIPSIS: unique symbol = Symbol('Ellipsis');
export type EllipsisValue = typeof ELLIPSIS;

export type ConstantValue = null | boolean | bigint | number | string | BytesValue | ComplexValue | EllipsisValue;

/** Python's repr(), for the values a Constant node can hold. */
export function reprConstant(value: ConstantValue): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean': return value ? 'True' : 'False';
    case 'bigint': return value.toString();
    case 'number': return reprFloat(value);
    case 'string': return reprStr(value);
    case 'symbol': return 'Ellipsis';
  }
  if (value instanceof BytesValue) return reprBytes(value.bytes);
  return reprComplex(value.real, value.imag);
}

/** complex.__repr__: `1j`, `(1+2j)`, `-0j` … using the float repr rules without a trailing `.0`. */
export function reprComplex(real: number, imag: number): string {
  const part = (x: number) => {
    const r = reprFloat(x);
    return r.endsWith('.0') ? r.slice(0, -2) : r;
  };
  if (real === 0 && !Object.is(real, -0)) return `${part(imag)}j`;
  const im = part(imag);
  const sign = im.startsWith('-') ? '' : '+';
  return `(${part(real)}${sign}${im}j)`;
}
