// The golden harness itself must be able to fail: a producer that prints something else, prints
// nothing or throws is reported as a mismatch with a readable hunk, and a faithful producer is not.

import { strict as assert } from 'node:assert';
import { compareWithCPython, describeDifference, goldenSources, readExpected, summarize } from './goldenFiles';

describe('golden harness', () => {
  it('shows the first differing region with context, not later unrelated ones', () => {
    const expected = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', ''].join('\n');
    const actual = ['a', 'b', 'c', 'X', 'e', 'f', 'g', 'h', 'i', 'Y', 'k', ''].join('\n');
    assert.equal(describeDifference(expected, actual), [
      '@@ line 4 (CPython has 12 lines, ours 12) @@',
      '  b',
      '  c',
      '- d',
      '+ X',
      '  e',
      '  f',
    ].join('\n'));
  });

  it('reports inserted and missing lines', () => {
    assert.match(describeDifference('a\nb\nc\n', 'a\nb\nextra\nc\n'), /^@@ line 3 .*\n {2}a\n {2}b\n\+ extra\n {2}c/);
    assert.match(describeDifference('a\nb\nc\n', 'a\nc\n'), /^@@ line 2 .*\n {2}a\n- b\n {2}c/);
  });

  it('counts a faithful producer as identical and a wrong or throwing one as mismatching', () => {
    const sources = goldenSources().filter((s) => s.rel.includes('scopes/closure_'));
    assert.ok(sources.length >= 5);
    const faithful = compareWithCPython('symtable', sources, (_text, rel) => readExpected('symtable', rel)!);
    assert.equal(faithful.identical, sources.length);
    assert.equal(faithful.mismatches.length, 0);

    const [wrongOne, throwingOne] = sources;
    const broken = compareWithCPython('symtable', sources, (_text, rel) => {
      if (rel === throwingOne.rel) throw new Error('front end crashed');
      const text = readExpected('symtable', rel)!;
      return rel === wrongOne.rel ? text.replace('cell', 'local') : text;
    });
    assert.equal(broken.identical, sources.length - 2);
    assert.deepEqual(broken.mismatches.map((m) => m.rel), [wrongOne.rel, throwingOne.rel]);
    assert.match(broken.mismatches[0].detail, /^@@ line \d+/);
    assert.match(broken.mismatches[1].detail, /threw instead of printing:\nError: front end crashed/);
    assert.match(summarize(broken), new RegExp(`^symtable: ${sources.length - 2}/${sources.length} files identical to CPython \\(scopes `));
  });
});
