// Literal atoms: NUMBER tokens through numbers.ts, STRING+ through strings.ts. The parser is the
// StringHost strings.ts reports errors through, and it parses f-string replacement fields the way
// CPython 3.11's fstring_compile_expr does: a sub-parser over "(expr)" whose start rule is
// `star_expressions`, with its own two passes, "f-string: " in front of the errors pegen raises,
// and columns shifted back by where the expression starts.

import type * as A from './ast';
import { Parser, runParser } from './parser';
import * as N from './parseNodes';
import type { Token } from './token';
import { parseNumber, IntegerDigitsLimitError } from './numbers';
import { concatenateStrings as concatenateStringTokens, type StringHost, type FStringExpressionSource } from './strings';
import { Tokenizer } from './tokenizer';
import { starExpressions } from './parseExpressions';

/** NUMBER → Constant (pegen's _PyPegen_number_token). */
export function numberConstant(p: Parser, t: Token): A.Constant {
  let value: A.ConstantValue;
  try {
    value = parseNumber(t.text);
  } catch (error) {
    if (error instanceof IntegerDigitsLimitError) throw p.errorAt('SyntaxError', error.message, t.lineno, 0, t.end_lineno, 0);
    throw error;
  }
  return N.constantNode(value, null, t, t);
}

/** strings: STRING+ → the concatenated Constant or JoinedStr. */
export function concatenateStrings(p: Parser, tokens: Token[]): A.Constant | A.JoinedStr {
  return concatenateStringTokens(tokens, stringHost(p));
}

const hosts = new WeakMap<Parser, StringHost>();

function stringHost(p: Parser): StringHost {
  let host = hosts.get(p);
  if (host === undefined) {
    host = {
      raiseSyntaxError: (msg: string) => p.raise(msg),
      raiseSyntaxErrorAt: (token: Token, msg: string) => { throw p.errorAtToken(token, msg); },
      parseFStringExpression: (expr: FStringExpressionSource) => parseFStringExpression(p, expr),
    };
    hosts.set(p, host);
  }
  return host;
}

/** fstring_compile_expr's sub-parse of one replacement field. */
function parseFStringExpression(parent: Parser, expr: FStringExpressionSource): A.AstExpr {
  const origin = { startingLineno: expr.startingLineno, startingColOffset: expr.startingColOffset };
  const sub = new Parser(new Tokenizer(expr.source, origin), origin);
  sub.depth = parent.depth;
  return runParser(sub, starExpressions);
}
