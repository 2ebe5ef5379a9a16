import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Token, TokenType } from '../../../runtime/src/syntax/token';
import { Tokenizer, TokenizerError, tokenize } from '../../../runtime/src/syntax/tokenizer';

// Expected values come from CPython 3.11 via scripts/gen-lexer-expected.py: token streams from
// Lib/tokenize.py (columns converted to UTF-8 bytes), errors from ast.parse.

interface Expected {
  streams: { source: string; tokens: (string | number)[][]; warnings: [string, string, number][] }[];
  errors: { source: string; error: Record<string, unknown> }[];
  valid: string[];
  corpus: { file: string; count: number; sha1: string }[];
}

const expected = JSON.parse(readFileSync(path.join(__dirname, 'tokenizer.expected.json'), 'utf8')) as Expected;
const CORPUS = path.join(__dirname, '..', '..', 'corpus', 'seeds');

/** Our stream in the generator's shape: positions for tokens with text, the type for the others. */
function stream(source: string): (string | number)[][] {
  const tokenizer = new Tokenizer(source);
  const out: (string | number)[][] = [];
  for (;;) {
    const token = tokenizer.next();
    const name = TokenType[token.type];
    if (token.type === TokenType.NAME || token.type === TokenType.NUMBER || token.type === TokenType.STRING || token.type === TokenType.OP) {
      out.push([name, tokenizer.source.slice(token.start, token.end), token.lineno, token.col_offset, token.end_lineno, token.end_col_offset]);
    } else {
      out.push([name]);
    }
    if (token.type === TokenType.ENDMARKER) return out;
  }
}

function digest(tokens: (string | number)[][]): string {
  return createHash('sha1').update(tokens.map((t) => t.join(' ')).join('\n'), 'utf8').digest('hex');
}

function firstError(source: string): Record<string, unknown> | null {
  try {
    tokenize(source);
    return null;
  } catch (error) {
    if (!(error instanceof TokenizerError)) throw error;
    return { ...error.info };
  }
}

describe('tokenizer', () => {
  it('produces CPython\'s token streams', () => {
    for (const { source, tokens } of expected.streams) {
      assert.deepEqual(stream(source), tokens, JSON.stringify(source));
    }
  });

  it('issues CPython\'s SyntaxWarnings', () => {
    for (const { source, warnings } of expected.streams) {
      const tokenizer = new Tokenizer(source);
      while (tokenizer.next().type !== TokenType.ENDMARKER) { /* read all */ }
      assert.deepEqual(tokenizer.warnings.map((w) => [w.category, w.message, w.lineno]), warnings, JSON.stringify(source));
    }
  });

  it('reports lexical errors with CPython\'s message and position', () => {
    const failures: string[] = [];
    for (const { source, error } of expected.errors) {
      const actual = firstError(source);
      try {
        assert.deepEqual(actual, error);
      } catch {
        failures.push(`${JSON.stringify(source).slice(0, 80)}\n  expected ${JSON.stringify(error)}\n  actual   ${JSON.stringify(actual)}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  it('accepts what CPython\'s tokenizer accepts (Unicode 14 identifiers)', () => {
    for (const source of expected.valid) assert.equal(firstError(source), null, JSON.stringify(source));
  });

  it('tokenizes every corpus file like CPython', () => {
    const failures: string[] = [];
    for (const { file, count, sha1 } of expected.corpus) {
      const tokens = stream(readFileSync(path.join(CORPUS, file), 'utf8'));
      if (tokens.length !== count || digest(tokens) !== sha1) failures.push(`${file}: ${tokens.length} tokens, expected ${count}`);
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  it('gives NEWLINE, INDENT, DEDENT and ENDMARKER pegen\'s positions', () => {
    const tokens = tokenize('if x:  # c\n    y\n');
    const newline = tokens[3];
    assert.equal(newline.type, TokenType.NEWLINE);
    assert.deepEqual([newline.lineno, newline.col_offset, newline.end_col_offset], [1, 7, 10]);
    const indent = tokens[4];
    assert.deepEqual([indent.type, indent.lineno, indent.col_offset], [TokenType.INDENT, 2, -1]);
    const tail = tokens.slice(-2);
    assert.deepEqual(tail.map((t: Token) => [TokenType[t.type], t.lineno, t.col_offset]), [['DEDENT', 2, -1], ['ENDMARKER', 2, -1]]);
  });

  it('normalises identifiers with NFKC and counts columns in UTF-8 bytes', () => {
    const [name, op, value] = tokenize('ﬁx = é\n');
    assert.equal(name.text, 'fix');
    assert.deepEqual([name.col_offset, name.end_col_offset, op.col_offset], [0, 4, 5]); // U+FB01 is 3 bytes
    assert.deepEqual([value.text, value.col_offset, value.end_col_offset], ['é', 7, 9]);
  });

  it('raises an error only when the token that contains it is reached', () => {
    const tokenizer = new Tokenizer('x = 1\ny = 1abc\n');
    const first = [tokenizer.next(), tokenizer.next(), tokenizer.next(), tokenizer.next()];
    assert.deepEqual(first.map((t) => t.text), ['x', '=', '1', '\n']);
    tokenizer.next(); tokenizer.next();
    assert.throws(() => tokenizer.next(), /invalid decimal literal/);
    assert.throws(() => tokenizer.next(), /invalid decimal literal/);
  });

  it('tracks bracket depth on tokens', () => {
    assert.deepEqual(tokenize('f(a[1])\n').map((t) => t.level), [0, 1, 1, 2, 2, 1, 0, 0, 0]);
  });

  it('shifts f-string sub-tokenizer columns on the starting line only', () => {
    const tokens = tokenize('(a +\nb)');
    const shifted = new Tokenizer('(a +\nb)', { startingLineno: 5, startingColOffset: 10 });
    const a = [shifted.next(), shifted.next(), shifted.next(), shifted.next()];
    assert.deepEqual(a.map((t) => [t.text, t.lineno, t.col_offset]), [['(', 5, 10], ['a', 5, 11], ['+', 5, 13], ['b', 6, 0]]);
    assert.equal(tokens[1].col_offset, 1);
  });

  it('lets a later tokenizer error replace a generic syntax error (checkRestForErrors)', () => {
    const direct = new Tokenizer('x = 1 2\ny = 1abc\n');
    for (let i = 0; i < 4; i++) direct.next();
    assert.match(direct.checkRestForErrors(1)?.message ?? '', /invalid decimal literal/);
    const unclosed = new Tokenizer('x = (1 2\ny = 3\n');
    for (let i = 0; i < 4; i++) unclosed.next();
    assert.equal(unclosed.checkRestForErrors(1), null);
    const unclosedBefore = new Tokenizer('x = (1,\n2 3\n');
    for (let i = 0; i < 6; i++) unclosedBefore.next();
    assert.match(unclosedBefore.checkRestForErrors(2)?.message ?? '', /'\(' was never closed/);
    // CPython: "'[' was never closed" for the first, "invalid decimal literal" for the second.
    const continuationInBrackets = new Tokenizer('y = [\nreturn\n\\ x\n');
    for (let i = 0; i < 4; i++) continuationInBrackets.next();
    assert.match(continuationInBrackets.checkRestForErrors(2)?.message ?? '', /'\[' was never closed/);
    const directInBrackets = new Tokenizer('y = [\nreturn\n1abc\n');
    for (let i = 0; i < 4; i++) directInBrackets.next();
    assert.match(directInBrackets.checkRestForErrors(2)?.message ?? '', /invalid decimal literal/);
    const dedent = new Tokenizer('x 1\nif x:\n  a\n b\n');
    dedent.next();
    assert.equal(dedent.checkRestForErrors(1), null);
  });
});
