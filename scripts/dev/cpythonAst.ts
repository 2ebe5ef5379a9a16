// Development aid: CPython's AST of a file as our node types (see cpython-ast-json.py).
// Needs python3 3.11; never imported by tests or the product.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Module } from '../../runtime/src/syntax/ast';
import { ConstFrozenset, ConstTuple } from '../../runtime/src/compiler/codeObject';
import type { CodeConstant, CodeObject } from '../../runtime/src/compiler/codeObject';
import { BytesValue, ComplexValue, ELLIPSIS } from '../../runtime/src/syntax/constants';

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('$int' in v) return BigInt(v.$int as string);
    if ('$float' in v) return Number(String(v.$float).replace('inf', 'Infinity').replace('nan', 'NaN'));
    if ('$complex' in v) {
      const [re, im] = (v.$complex as string[]).map((x) => Number(x.replace('inf', 'Infinity').replace('nan', 'NaN')));
      return new ComplexValue(re, im);
    }
    if ('$bytes' in v) return new BytesValue(Uint8Array.from(v.$bytes as number[]));
    if ('$ellipsis' in v) return ELLIPSIS;
  }
  return value;
}

export function cpythonAst(file: string): Module {
  const script = path.join(__dirname, 'cpython-ast-json.py');
  const json = execFileSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(json, revive) as Module;
}

function reviveCode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveCode);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('$code' in v) {
      const c = v.$code as Record<string, unknown>;
      return {
        ...c,
        co_code: Uint16Array.from(c.co_code as number[]),
        co_consts: (c.co_consts as unknown[]).map(reviveCode),
        co_localspluskinds: Uint8Array.from(c.co_localspluskinds as number[]),
        co_linetable: Uint8Array.from(c.co_linetable as number[]),
        co_exceptiontable: Uint8Array.from(c.co_exceptiontable as number[]),
      } as CodeObject;
    }
    if ('$tuple' in v) return new ConstTuple((v.$tuple as unknown[]).map(reviveCode) as CodeConstant[]);
    if ('$frozenset' in v) return new ConstFrozenset((v.$frozenset as unknown[]).map(reviveCode) as CodeConstant[]);
    return revive('', v);
  }
  return value;
}

/** CPython's compiled code object of a file, in our CodeObject shape (see cpython-code-json.py). */
export function cpythonCode(file: string): CodeObject {
  const script = path.join(__dirname, 'cpython-code-json.py');
  const json = execFileSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return reviveCode({ $code: JSON.parse(json) }) as CodeObject;
}
