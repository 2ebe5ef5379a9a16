// Development aid: CPython's AST of a file as our node types (see cpython-ast-json.py).
// Needs python3 3.11; never imported by tests or the product.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Module } from '../../runtime/src/syntax/ast';
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
