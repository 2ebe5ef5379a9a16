// Truth values of compile-time constants (PyObject_IsTrue on a co_consts entry), used by the
// CFG optimiser to fold `LOAD_CONST; POP_JUMP_IF_*` and by the AST optimiser.

import { BytesValue, ComplexValue } from '../syntax/constants';
import { ConstFrozenset, ConstTuple } from './codeObject';
import type { CodeConstant } from './codeObject';

export function isTruthyConstant(value: CodeConstant): boolean {
  if (value === null) return false;
  switch (typeof value) {
    case 'boolean': return value;
    case 'bigint': return value !== 0n;
    case 'number': return value !== 0;
    case 'string': return value.length > 0;
    case 'symbol': return true;
  }
  if (value instanceof BytesValue) return value.bytes.length > 0;
  if (value instanceof ComplexValue) return value.real !== 0 || value.imag !== 0;
  if (value instanceof ConstTuple || value instanceof ConstFrozenset) return value.items.length > 0;
  return true;
}
