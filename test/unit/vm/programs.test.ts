// The VM runs CPython's own code objects (committed fixtures made by scripts/gen-vm-fixtures.py)
// and must print exactly what CPython printed, tracebacks included.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import { ConstFrozenset, ConstTuple } from '../../../runtime/src/compiler/codeObject';
import type { CodeConstant, CodeObject } from '../../../runtime/src/compiler/codeObject';
import { BytesValue, ComplexValue, ELLIPSIS } from '../../../runtime/src/syntax/constants';
import { normalise } from './normalize';

const programs = path.join(__dirname, 'programs');
const fixtures = path.join(__dirname, 'fixtures');

function num(x: string): number {
  return Number(x.replace('inf', 'Infinity').replace('nan', 'NaN'));
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('$code' in v) return reviveCode(v.$code as Record<string, unknown>);
  if ('$tuple' in v) return new ConstTuple((v.$tuple as unknown[]).map(revive) as CodeConstant[]);
  if ('$frozenset' in v) return new ConstFrozenset((v.$frozenset as unknown[]).map(revive) as CodeConstant[]);
  if ('$int' in v) return BigInt(v.$int as string);
  if ('$float' in v) return num(v.$float as string);
  if ('$complex' in v) {
    const [re, im] = (v.$complex as string[]).map(num);
    return new ComplexValue(re, im);
  }
  if ('$bytes' in v) return new BytesValue(Uint8Array.from(v.$bytes as number[]));
  if ('$ellipsis' in v) return ELLIPSIS;
  return value;
}

function reviveCode(c: Record<string, unknown>): CodeObject {
  return {
    ...(c as unknown as CodeObject),
    co_code: Uint16Array.from(c.co_code as number[]),
    co_consts: (c.co_consts as unknown[]).map(revive) as CodeConstant[],
    co_localspluskinds: Uint8Array.from(c.co_localspluskinds as number[]),
    co_linetable: Uint8Array.from(c.co_linetable as number[]),
    co_exceptiontable: Uint8Array.from(c.co_exceptiontable as number[]),
  };
}

describe('VM runs CPython 3.11 bytecode like CPython', () => {
  for (const name of fs.readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort()) {
    it(name.replace(/\.json$/, ''), () => {
      const fixture = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
      // The code object names the file where the fixture was generated; serve the source there.
      const file: string = fixture.code.co_filename;
      const source = fs.readFileSync(path.join(programs, fixture.program), 'utf8');
      const host = new MemoryHost(file, { [file]: source });
      const result = runProgram(reviveCode(fixture.code), host);
      assert.equal(normalise(host.output, path.dirname(file)), fixture.output);
      assert.equal(result.exitCode, fixture.exitCode);
    });
  }
});
