// The parser: tokens → CPython 3.11 AST, and SyntaxErrors as CPython reports them.
//
// The grammar is a hand transcription of CPython 3.11's Grammar/python.gram, rule for rule, so
// that it accepts exactly what pegen accepts, builds the same nodes with the same positions, and
// fails at the same place. Left-recursive rules (primary, sum, term, ...) are written as loops,
// which pick the same parse as pegen's seed growing. Rules pegen memoises are memoised here too
// (the expression chain only in the error pass, the only one that re-parses it), because the
// backtracking of `assignment` vs `star_expressions` relies on it for speed.
//
// Errors follow pegen's two-pass scheme (Parser/pegen.c, Parser/pegen_errors.c): a first pass
// without the invalid_* rules; if it fails, a second pass from the start with them switched on,
// where an invalid_* rule that matches throws its specialised error; if none does, "invalid
// syntax" at the furthest token the FIRST pass fetched. Tokens are fetched lazily, because
// CPython's tokenizer errors surface only when the parser reaches them and the furthest token
// fetched is part of the observable error location.
//
// Invariants: a rule returns its node with `mark` after it, or null with `mark` unchanged; the
// token buffer only grows; a JavaScript stack overflow never escapes (it becomes CPython's
// MemoryError for input nested past pegen's stack limit).
//
// This file owns the token buffer, memo tables, error raising and the entry points (parseModule,
// parseTolerant); the rules live in parseStatements.ts, parseExpressions.ts, parseParams.ts,
// parsePatterns.ts, parseTargets.ts, parseLiterals.ts (numbers, strings, f-string fields) and
// parseInvalid.ts (the invalid_* rules); parseNodes.ts builds nodes; parseRecovery.ts is the
// editor's tolerant mode.

import type { Module } from './ast';
import { PyLimitError, PySyntaxError, SyntaxErrorInfo, SyntaxErrorType } from './errors';
import { Token, TokenType } from './token';
import { utf8Length } from './positions';
import { Tokenizer, TokenizerError } from './tokenizer';
import { fileRule } from './parseStatements';
import { recoverStatements } from './parseRecovery';

// Token kinds: one small integer per token type, operator and keyword, so a rule tests a kind
// with one comparison instead of comparing strings.
export const enum K {
  ENDMARKER = 0, NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT, TYPE_COMMENT, OP_OTHER,
  // operators
  LPAR, RPAR, LSQB, RSQB, LBRACE, RBRACE, COLON, COMMA, SEMI, PLUS, MINUS, STAR, SLASH, VBAR,
  AMPER, LESS, GREATER, EQUAL, DOT, PERCENT, EQEQUAL, NOTEQUAL, LESSEQUAL, GREATEREQUAL, TILDE,
  CIRCUMFLEX, LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR, PLUSEQUAL, MINEQUAL, STAREQUAL, SLASHEQUAL,
  PERCENTEQUAL, AMPEREQUAL, VBAREQUAL, CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL,
  DOUBLESTAREQUAL, DOUBLESLASH, DOUBLESLASHEQUAL, AT, ATEQUAL, RARROW, ELLIPSIS, COLONEQUAL,
  // keywords
  FALSE, NONE, TRUE, AND, AS, ASSERT, ASYNC, AWAIT, BREAK, CLASS, CONTINUE, DEF, DEL, ELIF, ELSE,
  EXCEPT, FINALLY, FOR, FROM, GLOBAL, IF, IMPORT, IN, IS, LAMBDA, NONLOCAL, NOT, OR, PASS, RAISE,
  RETURN, TRY, WHILE, WITH, YIELD,
}

const OPERATOR_KINDS: ReadonlyMap<string, K> = new Map<string, K>([
  ['(', K.LPAR], [')', K.RPAR], ['[', K.LSQB], [']', K.RSQB], ['{', K.LBRACE], ['}', K.RBRACE],
  [':', K.COLON], [',', K.COMMA], [';', K.SEMI], ['+', K.PLUS], ['-', K.MINUS], ['*', K.STAR],
  ['/', K.SLASH], ['|', K.VBAR], ['&', K.AMPER], ['<', K.LESS], ['>', K.GREATER], ['=', K.EQUAL],
  ['.', K.DOT], ['%', K.PERCENT], ['==', K.EQEQUAL], ['!=', K.NOTEQUAL], ['<>', K.NOTEQUAL],
  ['<=', K.LESSEQUAL], ['>=', K.GREATEREQUAL], ['~', K.TILDE], ['^', K.CIRCUMFLEX],
  ['<<', K.LEFTSHIFT], ['>>', K.RIGHTSHIFT], ['**', K.DOUBLESTAR], ['+=', K.PLUSEQUAL],
  ['-=', K.MINEQUAL], ['*=', K.STAREQUAL], ['/=', K.SLASHEQUAL], ['%=', K.PERCENTEQUAL],
  ['&=', K.AMPEREQUAL], ['|=', K.VBAREQUAL], ['^=', K.CIRCUMFLEXEQUAL], ['<<=', K.LEFTSHIFTEQUAL],
  ['>>=', K.RIGHTSHIFTEQUAL], ['**=', K.DOUBLESTAREQUAL], ['//', K.DOUBLESLASH],
  ['//=', K.DOUBLESLASHEQUAL], ['@', K.AT], ['@=', K.ATEQUAL], ['->', K.RARROW],
  ['...', K.ELLIPSIS], [':=', K.COLONEQUAL],
]);

const KEYWORD_KINDS: ReadonlyMap<string, K> = new Map<string, K>([
  ['False', K.FALSE], ['None', K.NONE], ['True', K.TRUE], ['and', K.AND], ['as', K.AS],
  ['assert', K.ASSERT], ['async', K.ASYNC], ['await', K.AWAIT], ['break', K.BREAK],
  ['class', K.CLASS], ['continue', K.CONTINUE], ['def', K.DEF], ['del', K.DEL], ['elif', K.ELIF],
  ['else', K.ELSE], ['except', K.EXCEPT], ['finally', K.FINALLY], ['for', K.FOR], ['from', K.FROM],
  ['global', K.GLOBAL], ['if', K.IF], ['import', K.IMPORT], ['in', K.IN], ['is', K.IS],
  ['lambda', K.LAMBDA], ['nonlocal', K.NONLOCAL], ['not', K.NOT], ['or', K.OR], ['pass', K.PASS],
  ['raise', K.RAISE], ['return', K.RETURN], ['try', K.TRY], ['while', K.WHILE], ['with', K.WITH],
  ['yield', K.YIELD],
]);

export function isKeyword(name: string): boolean {
  return KEYWORD_KINDS.has(name);
}

function kindOf(token: Token, source: string): K {
  switch (token.type) {
    case TokenType.NAME: {
      const keyword = KEYWORD_KINDS.get(token.text);
      // A name spelled with non-ASCII letters is never a keyword, even when NFKC makes it one.
      if (keyword === undefined || !source.startsWith(token.text, token.start)) return K.NAME;
      return keyword;
    }
    case TokenType.OP: return OPERATOR_KINDS.get(token.text) ?? K.OP_OTHER;
    case TokenType.NUMBER: return K.NUMBER;
    case TokenType.STRING: return K.STRING;
    case TokenType.NEWLINE: return K.NEWLINE;
    case TokenType.INDENT: return K.INDENT;
    case TokenType.DEDENT: return K.DEDENT;
    case TokenType.TYPE_COMMENT: return K.TYPE_COMMENT;
    default: return K.ENDMARKER;
  }
}

/** Memoised rules, numbered; each has its own table indexed by token position. */
export const enum Memo {
  simple_stmt, block, expression, star_expression, disjunction, conjunction, inversion, factor,
  await_primary, strings, arguments, star_target, target_with_star_atom, del_target, t_primary,
  closed_pattern, star_pattern, invalid_named_expression, attr,
  // Left-recursive rules, which pegen memoises: here only in the error pass.
  bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term, primary, COUNT,
}

/** A memoised result: the rule, its result at a position and where it ended; chained per token as in pegen. */
export interface MemoEntry {
  rule: Memo;
  value: unknown;
  end: number;
  next: MemoEntry | undefined;
}

/**
 * pegen's MAXSTACK (6000 nested rule calls) in this parser's units: the recursive rules here
 * (expression, lambdef, inversion, factor, power, primary, ...) count one each, which matches
 * pegen's count for each extra level of unary minus, `not`, `**`, `lambda` or `if`-`else`; the
 * constant makes the thresholds equal for a top-level expression (5970 minus signs fail in CPython
 * 3.11, 5969 parse). Deeper input raises MemoryError there, ParserMemoryError here.
 */
const MAX_RULE_DEPTH = 5974;

/**
 * CPython raises MemoryError (not a SyntaxError) for input nested deeper than MAXSTACK, with no
 * message. A PyLimitError, so tools handle it like the compiler's RecursionError.
 */
export class ParserMemoryError extends PyLimitError {
  constructor() {
    super('MemoryError', '');
  }
}

/** Where an f-string replacement field's sub-parser sits in the file (fstring_compile_expr). */
export interface FStringOrigin {
  startingLineno: number;
  startingColOffset: number;
}

export class Parser {
  readonly tokens: Token[] = [];
  readonly kinds: K[] = [];
  /** Bracket depth after each token, as CPython's tokenizer records it in `token->level`. */
  readonly levels: number[] = [];
  mark = 0;
  callInvalidRules = false;
  /**
   * Set for the whole second pass, also where expression_without_invalid switches the invalid
   * rules off: the expression chain is memoised only then, as its results must be shared between
   * the two modes exactly as pegen shares them.
   */
  errorPass = false;
  /** Rule nesting, bounded like pegen's MAXSTACK. */
  depth = 0;
  /** Per token, the chain of rules memoised at it (pegen's token->memo). */
  private memo: (MemoEntry | undefined)[] = [];
  /** The source's lines, split only when an error needs them. */
  private lines: string[] | null = null;

  /**
   * Whether the source came from a file CPython could read back: it then quotes the error's line
   * from the file (PyErr_ProgramTextObject) rather than from its tokenizer's buffer, which changes
   * the columns when a multi-line token with non-ASCII text precedes the error.
   */
  get fromFile(): boolean {
    return this.tokenizer.fromFile;
  }

  set fromFile(value: boolean) {
    this.tokenizer.fromFile = value;
  }

  constructor(
    readonly tokenizer: Tokenizer,
    /** Set for the sub-parser of an f-string replacement field. */
    readonly fstring: FStringOrigin | null = null,
  ) {}

  private get sourceLines(): string[] {
    return (this.lines ??= this.tokenizer.source.split('\n'));
  }

  resetMemo(): void {
    this.memo.fill(undefined);
  }

  /** Fetches the token at `mark` if it has not been read yet (CPython's `p->fill`). */
  fillTo(index: number): void {
    while (this.tokens.length <= index) {
      const n = this.tokens.length;
      if (n > 0 && this.kinds[n - 1] === K.ENDMARKER) {
        // pegen never reads past ENDMARKER; repeating it keeps lookahead past the end cheap.
        this.memo.push(undefined);
        this.tokens.push(this.tokens[n - 1]);
        this.kinds.push(K.ENDMARKER);
        this.levels.push(this.levels[n - 1]);
        continue;
      }
      const token = this.tokenizer.next();
      this.memo.push(undefined);
      this.tokens.push(token);
      this.kinds.push(kindOf(token, this.tokenizer.source));
      this.levels.push(token.level);
    }
  }

  /** Number of tokens fetched so far (`p->fill`). */
  get fill(): number {
    return this.tokens.length;
  }

  kind(): K {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    return this.kinds[this.mark];
  }

  kindAt(index: number): K {
    if (index >= this.tokens.length) this.fillTo(index);
    return this.kinds[index];
  }

  token(): Token {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    return this.tokens[this.mark];
  }

  /** Consumes the current token if it is of `kind`. */
  expect(kind: K): Token | null {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    if (this.kinds[this.mark] !== kind) return null;
    return this.tokens[this.mark++];
  }

  /** True (and consumed) if the current token is `kind`. */
  eat(kind: K): boolean {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    if (this.kinds[this.mark] !== kind) return false;
    this.mark++;
    return true;
  }

  /** A NAME that is not a keyword (soft keywords are names). */
  name(): Token | null {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    if (this.kinds[this.mark] !== K.NAME) return null;
    return this.tokens[this.mark++];
  }

  softKeyword(text: string): Token | null {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    if (this.kinds[this.mark] !== K.NAME || this.tokens[this.mark].text !== text) return null;
    return this.tokens[this.mark++];
  }

  /** `&&tok`: the token must be there, or CPython reports "expected '...'" at once, in either pass. */
  expectForced(kind: K, text: string): Token {
    const t = this.token();
    if (this.kinds[this.mark] !== kind) throw this.errorAtToken(t, `expected '${text}'`);
    this.mark++;
    return t;
  }

  isSoftKeyword(text: string): boolean {
    return this.kind() === K.NAME && this.tokens[this.mark].text === text;
  }

  /** Start token of a node beginning at `mark` (pegen fills it before any alternative). */
  startToken(): Token {
    if (this.mark >= this.tokens.length) this.fillTo(this.mark);
    return this.tokens[this.mark];
  }

  /** `_PyPegen_get_last_nonnwhitespace_token`: where a node that ends here ends. */
  lastToken(): Token {
    let m = this.mark - 1;
    for (; m > 0; m--) {
      const kind = this.kinds[m];
      if (kind !== K.ENDMARKER && (kind < K.NEWLINE || kind > K.DEDENT)) break;
    }
    return this.tokens[m < 0 ? 0 : m];
  }

  /** The memoised result of `rule` at `mark`, or undefined. */
  memoGet(rule: Memo): MemoEntry | undefined {
    const mark = this.mark;
    let entry = mark < this.memo.length ? this.memo[mark] : undefined;
    while (entry !== undefined && entry.rule !== rule) entry = entry.next;
    return entry;
  }

  memoSet(rule: Memo, start: number, value: unknown): void {
    this.memo[start] = { rule, value, end: this.mark, next: this.memo[start] };
  }

  enter(): void {
    if (++this.depth > MAX_RULE_DEPTH) throw new ParserMemoryError();
  }

  // ---- errors ----------------------------------------------------------------------------------

  /** The text CPython quotes for an error on `lineno` (the sub-source's line inside an f-string). */
  lineText(lineno: number): string {
    const relative = this.fstring !== null ? lineno - this.fstring.startingLineno + 1 : lineno;
    return this.sourceLines[relative - 1] ?? '';
  }

  /** `_PyPegen_byte_offset_to_character_offset`: a 1-based byte column → code-point column. */
  characterOffset(line: string, byteOffset: number): number {
    const lineBytes = utf8ByteLength(line) + 1;
    if (byteOffset > lineBytes) byteOffset = lineBytes;
    let bytes = 0;
    let count = 0;
    for (let i = 0; i < line.length && bytes < byteOffset; count++) {
      const cp = line.codePointAt(i)!;
      bytes += utf8Length(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    // A column past the text points into the newline.
    if (bytes < byteOffset) count += byteOffset - bytes;
    return count;
  }

  /**
   * `_PyPegen_raise_error_known_location`: columns are 1-based byte offsets (0 or less when
   * unknown), converted to code points against the error's START line, which CPython uses for the
   * end column too.
   */
  errorAt(type: SyntaxErrorType, msg: string, lineno: number, byteCol: number, endLineno: number, endByteCol: number): PySyntaxError {
    const line = this.errorLine(lineno);
    let offset: number;
    let endOffset: number;
    if (this.fstring !== null) {
      // The sub-parser's tokenizer reads a plain byte string (no encoding), so CPython leaves its
      // columns in bytes, relative to the "(expr)" it was given.
      msg = 'f-string: ' + msg;
      offset = byteCol - this.fstring.startingColOffset;
      endOffset = endByteCol - this.fstring.startingColOffset;
    } else {
      offset = byteCol > 0 ? this.characterOffset(line, byteCol) : byteCol;
      endOffset = endByteCol > 0 ? this.characterOffset(line, endByteCol) : endByteCol;
    }
    const info: SyntaxErrorInfo = { type, msg, lineno, offset, end_lineno: endLineno, end_offset: endOffset, text: line };
    return new PySyntaxError(info);
  }

  /**
   * error_line of _PyPegen_raise_error_known_location: the tokenizer's buffer when the error is
   * on or after the line it is reading (it can start on the first line of a multi-line string),
   * else the error's own line. Columns are converted against it and it becomes SyntaxError.text.
   */
  private errorLine(lineno: number): string {
    if (this.fstring !== null) return this.lineText(lineno);
    // The file's line as fgets returns it, when there is one; else the tokenizer's buffers.
    return (this.fromFile ? this.tokenizer.fileLine(lineno) : null) ?? this.tokenizer.errorLine(lineno);
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: located at the last token fetched. */
  raise(msg: string, type: SyntaxErrorType = 'SyntaxError'): never {
    throw this.errorAtLastToken(msg, type);
  }

  /** `_PyPegen_raise_error`: a token without columns (INDENT, DEDENT, ENDMARKER) uses the tokenizer's cursor. */
  errorAtLastToken(msg: string, type: SyntaxErrorType = 'SyntaxError'): PySyntaxError {
    const t = this.tokens[this.tokens.length - 1];
    const col = t.col_offset === -1 ? this.tokenizer.cursorColumn(t) : t.col_offset + 1;
    const endCol = t.end_col_offset === -1 ? -1 : t.end_col_offset + 1;
    return this.errorAt(type, msg, t.lineno, col, t.end_lineno, endCol);
  }

  /** RAISE_..._KNOWN_LOCATION(token, msg). */
  errorAtToken(t: Located, msg: string, type: SyntaxErrorType = 'SyntaxError'): PySyntaxError {
    return this.errorAt(type, msg, t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg). */
  raiseAt(a: Located, msg: string): never {
    throw this.errorAtToken(a, msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg). */
  raiseRange(a: Located, b: Located, msg: string): never {
    throw this.errorAt('SyntaxError', msg, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg): the end is wherever the tokenizer stands. */
  raiseStartingFrom(a: Located, msg: string): never {
    const t = this.tokens[this.tokens.length - 1];
    throw this.errorAt('SyntaxError', msg, a.lineno, a.col_offset + 1, t.end_lineno, t.end_col_offset);
  }
}

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

// ---- entry points --------------------------------------------------------------------------------

/**
 * Parses a module like `ast.parse(source, filename)`. Give the file's name when the source was
 * read from a file: CPython then quotes error lines from the file (see Parser.fromFile); a name in
 * angle brackets (the default '<unknown>', '<string>') means there is no file.
 */
export function parseModule(source: string, filename = '<unknown>'): Module {
  const p = new Parser(new Tokenizer(source));
  p.fromFile = !filename.startsWith('<');
  return runParser(p, fileRule);
}

/** parseModule for a piece of a file that starts on line `startingLineno` (tolerant recovery). */
export function parseModuleAt(source: string, startingLineno: number): Module {
  const p = new Parser(new Tokenizer(source, { startingLineno }));
  return runParser(p, fileRule);
}

/**
 * _PyPegen_run_parser: the first pass, then on failure the error pass and CPython's choice of
 * error. A JavaScript stack overflow never escapes: it becomes the MemoryError pegen raises
 * for input nested beyond its stack limit.
 */
export function runParser<T>(p: Parser, rule: (p: Parser) => T | null): T {
  let result: T | null;
  try {
    result = rule(p);
  } catch (error) {
    throw firstPassFailure(p, error);
  }
  if (result !== null) return result;
  throw parserErrorForSecondPass(p, rule);
}

function firstPassFailure(p: Parser, error: unknown): unknown {
  if (error instanceof RangeError) return new ParserMemoryError();
  // A parser error raised in the first pass (a forced token, a bad literal) is kept, unless the
  // rest of the source holds a tokenizer error; the tokenizer's own errors are final.
  if (error instanceof PySyntaxError && !(error instanceof TokenizerError)) return checkRestOfSource(p, error);
  return error;
}

/** The error CPython reports once the first pass has failed: run the invalid_* rules, else "invalid syntax". */
export function parserErrorForSecondPass(p: Parser, rule: (p: Parser) => unknown): unknown {
  const lastToken = p.tokens[p.tokens.length - 1];
  const lastKind = p.kinds[p.kinds.length - 1];
  p.mark = 0;
  p.depth = 0;
  p.callInvalidRules = true;
  p.errorPass = true;
  p.resetMemo();
  let error: PySyntaxError;
  try {
    rule(p);
    if (lastKind === K.INDENT || lastKind === K.DEDENT) {
      return p.errorAtLastToken(lastKind === K.INDENT ? 'unexpected indent' : 'unexpected unindent', 'IndentationError');
    }
    error = p.errorAtToken(lastToken, 'invalid syntax');
  } catch (thrown) {
    if (thrown instanceof RangeError) return new ParserMemoryError();
    if (!(thrown instanceof PySyntaxError) || thrown instanceof TokenizerError) return thrown;
    error = thrown;
  }
  return checkRestOfSource(p, error);
}

/**
 * After a parser error CPython tokenizes the rest of the source: a tokenizer error found there
 * wins, and so does an unclosed bracket opened on a line before the last token read.
 */
function checkRestOfSource(p: Parser, error: PySyntaxError): PySyntaxError {
  const errorLine = p.tokens.length > 0 ? p.tokens[p.tokens.length - 1].lineno : 1;
  if (p.tokens.length > 0 && p.kinds[p.kinds.length - 1] === K.ENDMARKER) return error;
  return p.tokenizer.checkRestForErrors(errorLine) ?? error;
}


/**
 * The editor's parse: never throws. Returns every statement it could parse and every error, the
 * first one identical to parseModule's.
 */
export function parseTolerant(source: string, filename = '<unknown>'): { tree: Module; errors: SyntaxErrorInfo[] } {
  try {
    return { tree: parseModule(source, filename), errors: [] };
  } catch (error) {
    const first = toErrorInfo(error);
    const { body, errors } = recoverStatements(source, first);
    return { tree: { nodeType: 'Module', body, type_ignores: [] }, errors: [first, ...errors] };
  }
}

export function toErrorInfo(error: unknown): SyntaxErrorInfo {
  if (error instanceof PySyntaxError) return error.info;
  if (error instanceof ParserMemoryError) {
    return { type: 'SyntaxError', msg: 'too complex', lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'SyntaxError', msg: message, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: null };
}
