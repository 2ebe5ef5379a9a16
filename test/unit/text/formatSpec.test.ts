import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatInt, formatFloat, formatStr, formatComplex, FormatError } from '../../../runtime/src/text/formatSpec';
import { floatRepr, floatHex, floatAsIntegerRatio, roundFloat, roundFloatToInt, roundInt, NumericError } from '../../../runtime/src/text/formatFloat';
import { reprFloat } from '../../../runtime/src/text/repr';
import { pyFloat, type Outcome } from './fixtureValues';

// Expected values are CPython 3.11's (scripts/gen-format-fixtures.py).
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')).cases;

function check(mismatches: string[], label: string, actual: unknown, expected: Outcome): void {
  if ('ok' in expected) {
    if (actual instanceof FormatError || actual instanceof NumericError) mismatches.push(`${label}: raised ${actual.type}: ${actual.message}, expected ${JSON.stringify(expected.ok)}`);
    else if (JSON.stringify(actual) !== JSON.stringify(expected.ok)) mismatches.push(`${label}: ${JSON.stringify(actual)} != ${JSON.stringify(expected.ok)}`);
  } else if (!(actual instanceof FormatError || actual instanceof NumericError)) {
    mismatches.push(`${label}: gave ${JSON.stringify(actual)}, expected ${expected.error}: ${expected.message}`);
  } else if (actual.type !== expected.error || actual.message !== expected.message) {
    mismatches.push(`${label}: ${actual.type}: ${actual.message} != ${expected.error}: ${expected.message}`);
  }
}

function report(mismatches: string[], total: number): void {
  assert.equal(mismatches.length, 0, `${mismatches.length}/${total} differ:\n` + mismatches.slice(0, 25).join('\n'));
}

describe('format() mini-language as CPython 3.11', () => {
  const cases = load('format.json');
  it(`random values x random specs (${cases.length} cases)`, () => {
    const mismatches: string[] = [];
    for (const [value, spec, expected] of cases) {
      let actual: string | FormatError;
      if ('i' in value) actual = formatInt(BigInt(value.i), spec);
      else if ('b' in value) actual = formatInt(value.b ? 1 : 0, spec, 'bool');
      else if ('f' in value) actual = formatFloat(pyFloat(value.f), spec);
      else if ('s' in value) actual = formatStr(value.s, spec);
      else actual = formatComplex(pyFloat(value.c[0]), pyFloat(value.c[1]), spec);
      check(mismatches, `format(${JSON.stringify(value)}, ${JSON.stringify(spec)})`, actual, expected);
    }
    report(mismatches, cases.length);
  });
  it('small ints take the number path and agree with bigint', () => {
    assert.equal(formatInt(1234, '010,'), formatInt(1234n, '010,'));
    assert.equal(formatInt(-255, '#x'), '-0xff');
  });
});

describe('float repr/str and round()', () => {
  const reprs = load('floatrepr.json');
  it(`repr and str of floats (${reprs.length})`, () => {
    const mismatches: string[] = [];
    for (const [text, repr, str] of reprs) {
      const x = pyFloat(text);
      if (floatRepr(x) !== repr) mismatches.push(`floatRepr(${text}) = ${floatRepr(x)} != ${repr}`);
      if (reprFloat(x) !== str) mismatches.push(`reprFloat(${text}) = ${reprFloat(x)} != ${str}`);
    }
    report(mismatches, reprs.length);
  });
  const hexes = load('floathex.json');
  it(`float.hex() and float.as_integer_ratio() (${hexes.length})`, () => {
    const mismatches: string[] = [];
    for (const [text, hex, ratio] of hexes) {
      const x = pyFloat(text);
      if (floatHex(x) !== hex) mismatches.push(`hex(${text}) = ${floatHex(x)} != ${hex}`);
      const r = floatAsIntegerRatio(x);
      check(mismatches, `as_integer_ratio(${text})`, r instanceof NumericError ? r : r.map(String), ratio);
    }
    report(mismatches, hexes.length);
  });
  const rounds = load('round.json');
  it(`round(x[, n]) for floats and ints (${rounds.length})`, () => {
    const mismatches: string[] = [];
    for (const [value, n, expected] of rounds) {
      let actual: unknown;
      if ('i' in value) actual = { i: roundInt(BigInt(value.i), n).toString() };
      else {
        const x = pyFloat(value.f);
        const r = n === null ? roundFloatToInt(x) : roundFloat(x, n);
        actual = r instanceof NumericError ? r : n === null ? { i: r.toString() } : { f: floatRepr(r as number) };
      }
      check(mismatches, `round(${JSON.stringify(value)}, ${n})`, actual, expected);
    }
    report(mismatches, rounds.length);
  });
});
