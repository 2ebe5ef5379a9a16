import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentFormat, type PercentHost, type PercentArgs } from '../../../runtime/src/text/formatPercent';
import { FormatError, type IntValue } from '../../../runtime/src/text/formatSpec';
import { floatRepr } from '../../../runtime/src/text/formatFloat';
import { reprStr, reprBytes } from '../../../runtime/src/text/repr';
import { pyFloat, pyInt, type Tagged } from './fixtureValues';

// Expected values are CPython 3.11's `fmt % args` (scripts/gen-format-fixtures.py). The host
// below plays the VM's part for ints, floats, bools and strs.
const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'percent.json'), 'utf8')).cases;

class HostError {
  constructor(readonly type: string, readonly message: string) {}
}

type Value = Tagged | { y: string } | { mapping: Record<string, Tagged> };

const latin1FromHex = (hex: string) => (hex.match(/../g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join('');
const hexFromLatin1 = (text: string) => Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

function asciiOf(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

const host: PercentHost<Value> = {
  str(v) {
    if ('s' in v) return v.s;
    if ('i' in v) return v.i;
    if ('f' in v) return floatRepr(pyFloat(v.f));
    if ('b' in v) return v.b ? 'True' : 'False';
    return '{...}';
  },
  repr(v) {
    if ('y' in v) return reprBytes(Uint8Array.from(latin1FromHex(v.y), (c) => c.charCodeAt(0)));
    return 's' in v ? reprStr(v.s) : host.str(v);
  },
  ascii(v) { return asciiOf(host.repr(v)); },
  typeName(v) { return 's' in v ? 'str' : 'i' in v ? 'int' : 'f' in v ? 'float' : 'b' in v ? 'bool' : 'y' in v ? 'bytes' : 'dict'; },
  bytesOf(v) { return 'y' in v ? latin1FromHex(v.y) : undefined; },
  toInteger(v, indexOnly) {
    if ('i' in v) return pyInt(v.i);
    if ('b' in v) return v.b ? 1 : 0;
    if ('f' in v && !indexOnly) {
      const x = pyFloat(v.f);
      if (x !== x) throw new HostError('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) throw new HostError('OverflowError', 'cannot convert float infinity to integer');
      const t = Math.trunc(x);
      return Number.isSafeInteger(t) ? t : BigInt(t);
    }
    return undefined;
  },
  toFloat(v, forBytes) {
    if ('f' in v) return pyFloat(v.f);
    if ('b' in v) return v.b ? 1 : 0;
    if ('i' in v) {
      const x = Number(BigInt(v.i));
      if (!Number.isFinite(x) && forBytes) return undefined;
      if (!Number.isFinite(x)) throw new HostError('OverflowError', 'int too large to convert to float');
      return x;
    }
    return undefined;
  },
  exactInt(v): IntValue | undefined { return 'i' in v ? pyInt(v.i) : 'b' in v ? (v.b ? 1 : 0) : undefined; },
  charSource(v) { return 's' in v ? v.s : 'i' in v ? pyInt(v.i) : 'b' in v ? (v.b ? 1 : 0) : 'y' in v ? latin1FromHex(v.y) : undefined; },
  getItem(mapping, key) {
    if ('mapping' in mapping && key in mapping.mapping) return mapping.mapping[key];
    throw new HostError('KeyError', reprStr(key));
  },
};

function isTagged(v: object): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && ['i', 's', 'f', 'b', 'c', 'y'].includes(keys[0]);
}

describe('printf-style % formatting as CPython 3.11', () => {
  it(`random formats and arguments (${cases.length} cases)`, () => {
    const mismatches: string[] = [];
    for (const [fmt, rawArgs, expected] of cases) {
      let args: PercentArgs<Value>;
      if (Array.isArray(rawArgs)) args = { tuple: rawArgs };
      else if (!isTagged(rawArgs)) args = { single: { mapping: rawArgs }, isMapping: true };
      else args = { single: rawArgs, isMapping: false };
      let actual: string | FormatError | HostError;
      try { actual = percentFormat(fmt, args, host); } catch (e) { if (e instanceof HostError) actual = e; else throw e; }
      const label = `${JSON.stringify(fmt)} % ${JSON.stringify(rawArgs)}`;
      if ('ok' in expected) {
        if (actual !== expected.ok) mismatches.push(`${label}: ${JSON.stringify(actual)} != ${JSON.stringify(expected.ok)}`);
      } else if (typeof actual === 'string') {
        mismatches.push(`${label}: gave ${JSON.stringify(actual)}, expected ${expected.error}: ${expected.message}`);
      } else if (actual.type !== expected.error || actual.message !== expected.message) {
        mismatches.push(`${label}: ${actual.type}: ${actual.message} != ${expected.error}: ${expected.message}`);
      }
    }
    assert.equal(mismatches.length, 0, `${mismatches.length}/${cases.length} differ:\n` + mismatches.slice(0, 25).join('\n'));
  });
});

describe('printf-style % formatting of bytes as CPython 3.11', () => {
  const bytesCases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'percentbytes.json'), 'utf8')).cases;
  it(`random formats and arguments (${bytesCases.length} cases)`, () => {
    const mismatches: string[] = [];
    for (const [fmtHex, rawArgs, expected] of bytesCases) {
      let actual: string | FormatError | HostError;
      try { actual = percentFormat(latin1FromHex(fmtHex), { tuple: rawArgs }, host, { bytes: true }); } catch (e) { if (e instanceof HostError) actual = e; else throw e; }
      if (typeof actual === 'string') actual = hexFromLatin1(actual);
      const label = `${JSON.stringify(latin1FromHex(fmtHex))} % ${JSON.stringify(rawArgs)}`;
      if ('ok' in expected) {
        if (actual !== expected.ok) mismatches.push(`${label}: ${JSON.stringify(actual)} != ${JSON.stringify(expected.ok)}`);
      } else if (typeof actual === 'string') {
        mismatches.push(`${label}: gave ${actual}, expected ${expected.error}: ${expected.message}`);
      } else if (actual.type !== expected.error || actual.message !== expected.message) {
        mismatches.push(`${label}: ${actual.type}: ${actual.message} != ${expected.error}: ${expected.message}`);
      }
    }
    assert.equal(mismatches.length, 0, `${mismatches.length}/${bytesCases.length} differ:\n` + mismatches.slice(0, 25).join('\n'));
  });
});
