// Robustness of the front end on broken input: every corpus program is mutated at random the way
// people break code while typing (characters and tokens deleted, duplicated, swapped, stray
// brackets, quotes, tabs, backslashes, non-ASCII), thousands of times with a fixed seed. The
// parser, the symbol tables and the tolerant parser must answer each mutant with a tree or a
// SyntaxError — never another exception, never a JavaScript stack overflow, never a hang.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PySyntaxError, PyLimitError, ParserMemoryError, parseModule, parseTolerant, buildSymtable, compileSource, normalizeNewlines } from '../../runtime/src/index';

const SEEDS_DIR = path.join(__dirname, '..', 'corpus', 'seeds');
const MUTANTS_PER_FILE = 12;
const SLOW_MUTANT_MS = 2000;

/** mulberry32: a tiny seeded PRNG, so every run tests the same mutants. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A deliberately crude lexer, independent of ours, so a bug in our tokenizer can't hide itself.
const ROUGH_TOKEN = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|\d[\w.]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\*\*=?|\/\/=?|->|:=|[-+*/%@&|^<>=!]=|<<|>>|\S/g;
const STRAY = ['(', ')', '[', ']', '{', '}', ':', '"', "'", '"""', '\\', '\t', '\n', ' ', ',', '=', '*', '@', 'f"{', '}', '：', '（', '€', '\u00a0', 'lambda', 'yield', 'await', 'match', 'case', '#', '.', ';', '0x', '1_', 'if', 'else'];

function mutate(source: string, random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const tokens = [...source.matchAll(ROUGH_TOKEN)];
  const steps = 1 + pick(3);
  let text = source;
  for (let s = 0; s < steps; s++) {
    const op = pick(7);
    if (op <= 2 && tokens.length > 1) {
      const t = tokens[pick(tokens.length)];
      const start = t.index!;
      const end = start + t[0].length;
      if (end > text.length) continue;
      if (op === 0) text = text.slice(0, start) + text.slice(end);
      else if (op === 1) text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
      else {
        const u = tokens[pick(tokens.length)];
        const us = u.index!;
        const ue = us + u[0].length;
        if (ue <= start) text = text.slice(0, us) + t[0] + text.slice(ue, start) + u[0] + text.slice(end);
      }
    } else if (text.length > 0) {
      const i = pick(text.length);
      if (op === 3) text = text.slice(0, i) + text.slice(i + 1);
      else if (op === 4) text = text.slice(0, i) + text[i] + text.slice(i);
      else if (op === 5 && i + 1 < text.length) text = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
      else text = text.slice(0, i) + STRAY[pick(STRAY.length)] + text.slice(i);
    }
  }
  return text;
}

function isSyntaxError(error: unknown): boolean {
  return error instanceof PySyntaxError;
}

describe('front end robustness (seeded mutation of the corpus)', () => {
  it('answers every mutant with a tree or a SyntaxError, and tolerant mode always gives a tree', () => {
    const files = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.py')).sort();
    const random = prng(20261128);
    const counts = { mutants: 0, parsed: 0, syntaxErrors: 0, symtableErrors: 0, tolerantTrees: 0, tolerantErrors: 0 };
    const failures: string[] = [];
    for (const file of files) {
      const original = normalizeNewlines(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
      for (let m = 0; m < MUTANTS_PER_FILE; m++) {
        const mutant = mutate(original, random);
        counts.mutants++;
        const started = Date.now();
        try {
          const tree = parseModule(mutant, file);
          counts.parsed++;
          try {
            buildSymtable(tree, file);
          } catch (error) {
            if (!isSyntaxError(error)) throw error;
            counts.symtableErrors++;
          }
        } catch (error) {
          if (isSyntaxError(error)) counts.syntaxErrors++;
          else failures.push(`${file} mutant ${m}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        }
        try {
          const { tree, errors } = parseTolerant(mutant, file);
          assert.equal(tree.nodeType, 'Module');
          counts.tolerantTrees++;
          if (errors.length > 0) counts.tolerantErrors++;
        } catch (error) {
          failures.push(`${file} mutant ${m} (tolerant): ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        }
        const elapsed = Date.now() - started;
        if (elapsed > SLOW_MUTANT_MS) failures.push(`${file} mutant ${m}: took ${elapsed} ms`);
      }
    }
    console.log(`      mutants ${counts.mutants}: parsed ${counts.parsed} (symtable errors ${counts.symtableErrors}), ` +
      `SyntaxError ${counts.syntaxErrors}; tolerant trees ${counts.tolerantTrees} (with errors ${counts.tolerantErrors})`);
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} mutants broke the front end`);
    assert.equal(counts.tolerantTrees, counts.mutants);
    assert.ok(counts.syntaxErrors > counts.mutants / 4, 'the mutator should break most programs');
  });

  it('turns pathologically deep input into a Python error, never a JavaScript stack overflow', () => {
    const deep = [
      '('.repeat(5000) + ')'.repeat(5000),
      '['.repeat(300) + ']'.repeat(300),
      '-'.repeat(100000) + '1',
      'not '.repeat(20000) + 'x',
      'x' + '.y'.repeat(100000),
      'x' + '.y'.repeat(2900),
      'f()' + '(1)'.repeat(2900),
      'a' + '[0]'.repeat(50000),
      '1+'.repeat(100000) + '1',
      'lambda: '.repeat(20000) + '1',
      'f(' .repeat(3000) + ')'.repeat(3000),
      Array.from({ length: 120 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(120) + 'pass\n',
    ];
    for (const source of deep) {
      for (const parse of [() => buildSymtable(parseModule(source, 'deep.py'), 'deep.py'), () => parseTolerant(source, 'deep.py'), () => compileSource(source, 'deep.py')]) {
        try {
          parse();
        } catch (error) {
          assert.ok(!(error instanceof RangeError), `JavaScript stack overflow on ${source.slice(0, 20)}…`);
          // CPython answers input nested past pegen's MAXSTACK with MemoryError, and symtable or
          // compiler recursion with RecursionError: neither is a SyntaxError.
          assert.ok(isSyntaxError(error) || error instanceof ParserMemoryError || error instanceof PyLimitError,
            `unexpected ${(error as Error).constructor.name} on ${source.slice(0, 20)}…`);
        }
      }
    }
  });
});
