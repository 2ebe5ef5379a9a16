import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntLiteral, parseFloatLiteral } from '../../../runtime/src/text/formatNumberParsing';
import { NumericError, floatRepr } from '../../../runtime/src/text/formatFloat';

// Expected values are CPython 3.11's int(s, base) and float(s) (scripts/gen-format-fixtures.py).
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')).cases;

function compare(mismatches: string[], label: string, actual: unknown, expected: any): void {
  if ('ok' in expected) {
    if (expected.ok === 'skip') return;
    if (actual instanceof NumericError) mismatches.push(`${label}: raised ${actual.message}, expected ${JSON.stringify(expected.ok)}`);
    else if (JSON.stringify(actual) !== JSON.stringify(expected.ok)) mismatches.push(`${label}: ${JSON.stringify(actual)} != ${JSON.stringify(expected.ok)}`);
  } else if (!(actual instanceof NumericError)) {
    mismatches.push(`${label}: gave ${JSON.stringify(actual)}, expected ${expected.error}: ${expected.message}`);
  } else if (actual.type !== expected.error || actual.message !== expected.message) {
    mismatches.push(`${label}: ${actual.type}: ${actual.message} != ${expected.error}: ${expected.message}`);
  }
}

describe('int() and float() from str as CPython 3.11', () => {
  const ints = load('intparse.json');
  it(`int(s, base) (${ints.length} cases)`, () => {
    const mismatches: string[] = [];
    for (const [text, base, expected] of ints) {
      const r = parseIntLiteral(text, base);
      compare(mismatches, `int(${JSON.stringify(text).slice(0, 80)}, ${base})`, r instanceof NumericError ? r : { i: r.toString() }, expected);
    }
    assert.equal(mismatches.length, 0, `${mismatches.length}/${ints.length} differ:\n` + mismatches.slice(0, 25).join('\n'));
  });
  const floats = load('floatparse.json');
  it(`float(s) (${floats.length} cases)`, () => {
    const mismatches: string[] = [];
    for (const [text, expected] of floats) {
      const r = parseFloatLiteral(text);
      compare(mismatches, `float(${JSON.stringify(text).slice(0, 80)})`, r instanceof NumericError ? r : { f: floatRepr(r) }, expected);
    }
    assert.equal(mismatches.length, 0, `${mismatches.length}/${floats.length} differ:\n` + mismatches.slice(0, 25).join('\n'));
  });
});
