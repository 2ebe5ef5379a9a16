// The incremental reparse must give exactly the tree a full parse gives (positions included):
// random edits to corpus programs and to the benchmark's generated file — replacing, inserting
// and deleting lines, with lines that open brackets and strings, continue compound statements
// (`else:`) or change indentation — are reparsed both ways and the dumps compared.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dumpAst, parseTolerant } from '../../../runtime/src/index';
import { reparseIncrementally } from '../../../server/src/analysis/incrementalParse';
import { generateSource } from '../../bench/generateSource';

/** A small deterministic PRNG so a failure names a reproducible edit. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TRICKY_LINES = ['else:', '    pass', 'x = (1,', '"""', "s = '''", ')', 'elif y:', '  z = 1', 'def g():', '@decorator', 'a = 1; b = 2', '# comment', '', 'x = 1 \\', 'except ValueError:', 'class K:', '    return 1', 'finally:', 'match v:', '    case 1: pass'];

function editOnce(source: string, random: () => number): string {
  const lines = source.split('\n');
  const at = Math.floor(random() * lines.length);
  const pick = () => (random() < 0.35 ? TRICKY_LINES[Math.floor(random() * TRICKY_LINES.length)] : lines[Math.floor(random() * lines.length)]);
  const kind = random();
  if (kind < 0.4) lines.splice(at, 1, pick());
  else if (kind < 0.7) lines.splice(at, 0, ...Array.from({ length: 1 + Math.floor(random() * 3) }, pick));
  else lines.splice(at, 1 + Math.floor(random() * 3));
  return lines.join('\n');
}

describe('incremental reparse in the language server', () => {
  const corpusDir = path.join(__dirname, '../../corpus/seeds');
  const sources = fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8'))
    .filter((source) => !source.includes('\r') && parseTolerant(source).errors.length === 0);
  sources.push(generateSource(600));

  it('equals a full parse after random edits, and is used for most of them', () => {
    const random = lcg(20261128);
    let incremental = 0;
    let total = 0;
    let eligible = 0;
    for (const original of sources) {
      for (let round = 0; round < 12; round++) {
        const edited = editOnce(original, random);
        const previous = parseTolerant(original, 'file.py');
        const result = reparseIncrementally({ source: original, tree: previous.tree, errors: previous.errors }, edited, 'file.py');
        total++;
        const full = parseTolerant(edited, 'file.py');
        // Edits that leave valid code in a file of several statements are what the fast path is for.
        if (full.errors.length === 0 && previous.tree.body.length >= 8) eligible++;
        if (result === null) continue;
        incremental++;
        assert.deepEqual(full.errors, [], `incremental reparse accepted a source a full parse rejects:\n${edited}`);
        assert.equal(dumpAst(result.tree, { includeAttributes: true }), dumpAst(full.tree, { includeAttributes: true }), `edit round ${round}`);
      }
    }
    console.log(`      incremental reparse: ${incremental} of ${total} random edits (${eligible} leaving valid code in files of 8+ statements) reparsed in part, all equal to a full parse`);
    assert.ok(incremental > eligible * 0.6, `the incremental path ran for only ${incremental} of ${eligible} eligible edits`);
  });
});
