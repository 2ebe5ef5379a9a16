import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AstExpr } from '../../../runtime/src/syntax/ast';
import { dumpAst } from '../../../runtime/src/syntax/astDump';
import { reprComplex } from '../../../runtime/src/syntax/constants';
import { IntegerDigitsLimitError, parseNumber } from '../../../runtime/src/syntax/numbers';
import { type FStringExpressionSource, type StringHost, concatenateStrings } from '../../../runtime/src/syntax/strings';
import { type Token, TokenType } from '../../../runtime/src/syntax/token';
import { Tokenizer, tokenize } from '../../../runtime/src/syntax/tokenizer';
import { lookupUnicodeName } from '../../../runtime/src/syntax/unicodeNames';
import { reprFloat } from '../../../runtime/src/text/repr';

// Expected values come from CPython 3.11 via scripts/gen-lexer-expected.py: literal values,
// ast.dump of the string nodes with positions, error messages and DeprecationWarnings.

interface Expected {
  numbers: { literal: string; type?: string; repr?: string; error?: string }[];
  strings: { source: string; dump?: string; warnings?: string[]; error?: string }[];
  names: [string, number | null][];
}

const expected = JSON.parse(readFileSync(path.join(__dirname, 'strings.expected.json'), 'utf8')) as Expected;

class HostError extends Error {}

/**
 * Stands in for the parser: replacement fields in the cases are single names, numbers or strings,
 * which this builds from the sub-tokenizer's tokens the way the parser would.
 */
function testHost(warnings: string[]): StringHost {
  const host: StringHost = {
    raiseSyntaxError(msg: string): never {
      throw new HostError(msg);
    },
    raiseSyntaxErrorAt(_token: Token, msg: string): never {
      throw new HostError(msg);
    },
    parseFStringExpression(expr: FStringExpressionSource): AstExpr {
      const tokenizer = new Tokenizer(expr.source, { startingLineno: expr.startingLineno, startingColOffset: expr.startingColOffset });
      const open = tokenizer.next();
      assert.equal(open.text, '(');
      const inner: Token[] = [];
      for (let t = tokenizer.next(); t.text !== ')'; t = tokenizer.next()) inner.push(t);
      const first = inner[0];
      const position = { lineno: first.lineno, col_offset: first.col_offset, end_lineno: first.end_lineno, end_col_offset: first.end_col_offset };
      if (first.type === TokenType.NAME && inner.length === 1) return { nodeType: 'Name', id: first.text, ctx: { nodeType: 'Load' }, ...position };
      if (first.type === TokenType.NUMBER && inner.length === 1) return { nodeType: 'Constant', value: parseNumber(first.text), kind: null, ...position };
      if (inner.every((t) => t.type === TokenType.STRING)) return concatenateStrings(inner, host);
      if (inner.length === 2 && first.text === '{' && inner[1].text === '}') {
        return { nodeType: 'Dict', keys: [], values: [], ...position, end_lineno: inner[1].end_lineno, end_col_offset: inner[1].end_col_offset };
      }
      throw new Error(`test host cannot parse ${expr.source}`);
    },
    warn(message: string): void {
      warnings.push(message);
    },
  };
  return host;
}

function stringResult(source: string): { dump?: string; warnings?: string[]; error?: string } {
  const strings = tokenize(source).filter((t) => t.type === TokenType.STRING);
  const warnings: string[] = [];
  try {
    const node = concatenateStrings(strings, testHost(warnings));
    return { dump: dumpAst(node, { includeAttributes: true }), warnings };
  } catch (error) {
    if (error instanceof HostError) return { error: error.message };
    throw error;
  }
}

function numberResult(literal: string): { type?: string; repr?: string; error?: string } {
  try {
    const value = parseNumber(literal);
    if (typeof value === 'bigint') return { type: 'int', repr: (value < 0n ? '-0x' : '0x') + (value < 0n ? -value : value).toString(16) };
    if (typeof value === 'number') return { type: 'float', repr: reprFloat(value) };
    if (typeof value === 'object' && value !== null && 'imag' in value) return { type: 'complex', repr: reprComplex(value.real, value.imag) };
    throw new Error(`unexpected value for ${literal}`);
  } catch (error) {
    if (error instanceof IntegerDigitsLimitError) return { error: error.message };
    throw error;
  }
}

describe('number literals', () => {
  it('convert like CPython', () => {
    for (const { literal, ...value } of expected.numbers) {
      assert.deepEqual(numberResult(literal), value, literal.slice(0, 40));
    }
  });
});

describe('string literals', () => {
  it('decode, concatenate and split f-strings with CPython\'s values, positions and errors', () => {
    const failures: string[] = [];
    for (const { source, ...result } of expected.strings) {
      const actual = stringResult(source);
      try {
        assert.deepEqual(actual, result);
      } catch {
        failures.push(`${JSON.stringify(source)}\n  expected ${JSON.stringify(result)}\n  actual   ${JSON.stringify(actual)}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} of ${expected.strings.length}\n` + failures.join('\n'));
  });

  it('look up \\N{} names like CPython', () => {
    for (const [name, codePoint] of expected.names) {
      assert.equal(lookupUnicodeName(name) ?? null, codePoint, name);
    }
  });
});
