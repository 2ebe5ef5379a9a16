import { strict as assert } from 'node:assert';
import { reprFloat, reprStr, reprBytes } from '../../runtime/src/text/repr';
import { reprComplex } from '../../runtime/src/syntax/constants';

// Expected values are CPython 3.11's repr() of the same inputs.
describe('Python repr of scalars', () => {
  it('float uses the shortest round-trip digits and CPython\'s exponent thresholds', () => {
    const cases: [number, string][] = [
      [1.0, '1.0'], [0.1, '0.1'], [1e16, '1e+16'], [1e15, '1000000000000000.0'], [0.0001, '0.0001'],
      [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [123456789012345680, '1.2345678901234568e+17'],
      [-0.0, '-0.0'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'], [2.5, '2.5'],
      [1e300 * 10, '1e+301'], [5e-324, '5e-324'], [0.30000000000000004, '0.30000000000000004'],
    ];
    for (const [value, text] of cases) assert.equal(reprFloat(value), text, String(value));
  });
  it('str picks its quote and escapes like CPython', () => {
    assert.equal(reprStr("it's"), '"it\'s"');
    assert.equal(reprStr('a"b\'c'), "'a\"b\\'c'");
    assert.equal(reprStr('tab\there\n\x00\x7f'), "'tab\\there\\n\\x00\\x7f'");
    assert.equal(reprStr('中文'), "'中文'");
    assert.equal(reprStr('\u200b\u00a0\ud800'), "'\\u200b\\xa0\\ud800'");
    assert.equal(reprStr('\u{1F600}'), "'\u{1F600}'");
  });
  it('bytes escape non-ASCII and control bytes', () => {
    assert.equal(reprBytes(new Uint8Array([0x61, 0x27, 0x00, 0xff])), 'b"a\'\\x00\\xff"');
  });
  it('complex', () => {
    assert.equal(reprComplex(0, 1), '1j');
    assert.equal(reprComplex(1, 2), '(1+2j)');
    assert.equal(reprComplex(-0, -1), '(-0-1j)');
    assert.equal(reprComplex(1.5, NaN), '(1.5+nanj)');
  });
});
