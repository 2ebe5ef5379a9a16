// Decoding of the JSON that scripts/dev/cpython-ast-json.py and cpython-code-json.py (and the VM
// fixtures made from them) write: tagged constants ($int, $float, $complex, $bytes, $ellipsis,
// $tuple, $frozenset) and code objects ($code) back into our AST constants and CodeObject.
// Pure: usable by committed tests, which never run python3.
import { ConstFrozenset, ConstTuple } from '../../runtime/src/compiler/codeObject';
import type { CodeConstant, CodeObject } from '../../runtime/src/compiler/codeObject';
import { BytesValue, ComplexValue, ELLIPSIS } from '../../runtime/src/syntax/constants';

function pythonFloat(text: string): number {
  return Number(text.replace('inf', 'Infinity').replace('nan', 'NaN'));
}

/** A scalar constant, or the value unchanged when it carries no tag (usable as a JSON.parse reviver). */
export function reviveConstant(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if ('$int' in v) return BigInt(v.$int as string);
  if ('$float' in v) return pythonFloat(String(v.$float));
  if ('$complex' in v) {
    const [re, im] = (v.$complex as string[]).map(pythonFloat);
    return new ComplexValue(re, im);
  }
  if ('$bytes' in v) return new BytesValue(Uint8Array.from(v.$bytes as number[]));
  if ('$ellipsis' in v) return ELLIPSIS;
  return value;
}

/** Constants of a code object, including nested code objects, tuples and frozensets. */
export function reviveCodeConstant(value: unknown): CodeConstant {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('$code' in v) return reviveCode(v.$code as Record<string, unknown>);
    if ('$tuple' in v) return new ConstTuple((v.$tuple as unknown[]).map(reviveCodeConstant));
    if ('$frozenset' in v) return new ConstFrozenset((v.$frozenset as unknown[]).map(reviveCodeConstant));
  }
  return reviveConstant(value) as CodeConstant;
}

export function reviveCode(c: Record<string, unknown>): CodeObject {
  return {
    ...(c as unknown as CodeObject),
    co_code: Uint16Array.from(c.co_code as number[]),
    co_consts: (c.co_consts as unknown[]).map(reviveCodeConstant),
    co_localspluskinds: Uint8Array.from(c.co_localspluskinds as number[]),
    co_linetable: Uint8Array.from(c.co_linetable as number[]),
    co_exceptiontable: Uint8Array.from(c.co_exceptiontable as number[]),
  };
}
