// The golden tree itself: every case and corpus program has CPython's three dumps, nothing stale
// is left behind, and each case folder means what its name says (syntax-errors/ cases fail to
// compile under CPython, grammar/ and scopes/ cases compile). These need no front end, so they
// guard the cases while the parser, symtable and compiler are still being written.

import { strict as assert } from 'node:assert';
import { DUMP_KINDS, goldenSources, readExpected, expectedFilesOnDisk } from './goldenFiles';

const SYNTAX_ERROR_LINE = /^SyntaxError: .* \(line (\d+|None), column (\d+|None)\)\n$/;

describe('golden files of the front end', () => {
  const sources = goldenSources();

  it('cover hundreds of own cases and the whole corpus', () => {
    const cases = sources.filter((s) => s.group !== 'corpus');
    assert.ok(cases.length >= 400, `only ${cases.length} cases`);
    assert.ok(sources.length - cases.length >= 200, 'corpus programs missing');
  });

  it('have every dump of every source, and no stale dump', () => {
    const wanted = new Set<string>();
    const missing: string[] = [];
    for (const { rel } of sources) {
      for (const kind of DUMP_KINDS) {
        const file = `${kind}/${rel.replace(/\.py$/, '.txt')}`;
        wanted.add(file);
        if (readExpected(kind, rel) === null) missing.push(file);
      }
    }
    const stale = expectedFilesOnDisk().filter((file) => !wanted.has(file));
    assert.deepEqual({ missing: missing.slice(0, 20), stale: stale.slice(0, 20) }, { missing: [], stale: [] },
      'run npm run golden:regen');
  });

  it('keep syntax-errors/ cases failing and grammar/ and scopes/ cases compiling under CPython', () => {
    const wrong: string[] = [];
    for (const { rel, group } of sources) {
      // Other folders (e.g. the compiler's bytecode/) may mix both kinds.
      if (!['grammar', 'scopes', 'syntax-errors'].includes(group)) continue;
      // symtable_dump.py also compiles, so it reports parser, symtable and compiler errors alike.
      const symtable = readExpected('symtable', rel) ?? '';
      const fails = symtable.startsWith('SyntaxError: ');
      if (fails) assert.match(symtable, SYNTAX_ERROR_LINE, rel);
      if ((group === 'syntax-errors') !== fails) wrong.push(`${rel}: ${symtable.split('\n')[0]}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('agree on parser errors: an error in the ast dump is the same error in the other dumps', () => {
    const disagree: string[] = [];
    for (const { rel } of sources) {
      const ast = readExpected('ast', rel) ?? '';
      if (!ast.startsWith('SyntaxError: ')) continue;
      for (const kind of ['symtable', 'dis'] as const) {
        if (readExpected(kind, rel) !== ast) disagree.push(`${kind} ${rel}`);
      }
    }
    assert.deepEqual(disagree, []);
  });
});
