// The lexical layer: CPython 3.11's Parser/tokenizer.c as seen through pegen, one token per
// `next()` call. Tokens are produced lazily because CPython raises a tokenizer error only when the
// parser asks for the token that contains it; a parser that reads ahead must not see errors early.
//
// Invariants kept here:
// - The source is read like CPython reads a string: "\r\n" and "\r" become "\n", and a final
//   newline is added when missing. `source` is that text; token start/end index into it.
// - Columns are UTF-8 byte offsets; errors are reported with CPython's own numbers, which mix
//   code-point and byte counts in places (see the error helpers at the end of the class).
// - Line numbers advance only when a character of the next line is read, as in tok_nextc, so a
//   token or error at end of input sits on the last line.
// - Errors are thrown as TokenizerError (a PySyntaxError). `direct` tells errors the tokenizer
//   raises itself (tokenizer.c's syntaxerror) from error codes that pegen turns into an exception
//   (E_EOF, E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT): after a generic "invalid syntax" CPython
//   lets only the former replace the parser's error (see checkRestForErrors).

import { PySyntaxError, type SyntaxErrorInfo, type SyntaxErrorType } from './errors';
import { type Token, TokenType } from './token';
import { IDENTIFIER_CONTINUE, IDENTIFIER_START, PRINTABLE } from './unicodeClasses.data';

const TABSIZE = 8;
/** Indentation levels (tokenizer.h MAXINDENT). */
const MAXINDENT = 100;
/** Bracket nesting (tokenizer.h MAXLEVEL). */
const MAXLEVEL = 200;
/** Bytes err_programtext's fgets reads at a time (a 1000-byte buffer with its NUL). */
const FGETS_CHUNK = 999;

const enum Ch {
  TAB = 9, LF = 10, FF = 12, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37, AMP = 38,
  SQUOTE = 39, LPAR = 40, RPAR = 41, STAR = 42, PLUS = 43, MINUS = 45, DOT = 46, SLASH = 47,
  D0 = 48, D1 = 49, D7 = 55, D9 = 57, COLON = 58, LT = 60, EQ = 61, GT = 62, AT = 64,
  UA = 65, UB = 66, UE = 69, UF = 70, UJ = 74, UO = 79, UR = 82, UU = 85, UX = 88, UZ = 90,
  LSQB = 91, BACKSLASH = 92, RSQB = 93, CARET = 94, UNDERSCORE = 95,
  LA = 97, LB = 98, LE = 101, LF_ = 102, LI = 105, LJ = 106, LN = 110, LO = 111, LR = 114, LS = 115,
  LU = 117, LX = 120, LZ = 122, LBRACE = 123, VBAR = 124, RBRACE = 125, TILDE = 126,
}

const EOF = -1;

export type TokenizerErrorCode = 'error' | 'eof' | 'dedent' | 'tabspace' | 'toodeep' | 'linecont';

export class TokenizerError extends PySyntaxError {
  /** True when tokenizer.c raised it itself; false for an error code pegen converted. */
  readonly direct: boolean;
  readonly code: TokenizerErrorCode;
  constructor(info: SyntaxErrorInfo, code: TokenizerErrorCode) {
    super(info);
    this.code = code;
    this.direct = code === 'error';
  }
}

function isDigit(c: number): boolean {
  return c >= Ch.D0 && c <= Ch.D9;
}

function isHexDigit(c: number): boolean {
  return (c >= Ch.D0 && c <= Ch.D9) || (c >= Ch.UA && c <= Ch.UF) || (c >= Ch.LA && c <= Ch.LF_);
}

/** is_potential_identifier_start: every non-ASCII code unit may start one; verified later. */
function isPotentialIdentifierStart(c: number): boolean {
  return (c >= Ch.LA && c <= Ch.LZ) || (c >= Ch.UA && c <= Ch.UZ) || c === Ch.UNDERSCORE || c >= 128;
}

function isPotentialIdentifierChar(c: number): boolean {
  return (c >= Ch.LA && c <= Ch.LZ) || (c >= Ch.UA && c <= Ch.UZ) || (c >= Ch.D0 && c <= Ch.D9) ||
    c === Ch.UNDERSCORE || c >= 128;
}

/** Whether `codePoint` lies in one of the flattened [start, end] ranges (binary search). */
function inRanges(ranges: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = (ranges.length >> 1) - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[2 * mid]) high = mid - 1;
    else if (codePoint > ranges[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** Py_UNICODE_ISPRINTABLE, with CPython 3.11's Unicode data. */
export function isPrintable(codePoint: number): boolean {
  if (codePoint < 128) return codePoint >= Ch.SPACE && codePoint !== 127;
  return inRanges(PRINTABLE, codePoint);
}

/** XID_Start (or '_') / XID_Continue as _PyUnicode_ScanIdentifier tests them, for any code point. */
function isIdentifierStart(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint | 0x20) >= Ch.LA && (codePoint | 0x20) <= Ch.LZ || codePoint === Ch.UNDERSCORE;
  return inRanges(IDENTIFIER_START, codePoint);
}

function isIdentifierContinue(codePoint: number): boolean {
  if (codePoint < 128) return isPotentialIdentifierChar(codePoint);
  return inRanges(IDENTIFIER_CONTINUE, codePoint);
}

function hex4(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Reads text the way CPython's string tokenizer sees it (translate_newlines): "\r\n" and "\r"
 * become "\n" and a missing final newline is added. CPython also adds one after a final "\r\n"
 * (its loop ends on the skipped "\n" and then sees no newline), so compile() of a string ending
 * in CRLF sees an extra blank line; that is kept, it moves errors detected at end of input.
 */
export function normalizeSource(source: string): string {
  const crlfAtEnd = source.endsWith('\r\n');
  let text = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  if (crlfAtEnd || text.length === 0 || text.charCodeAt(text.length - 1) !== Ch.LF) text += '\n';
  return text;
}

/**
 * Options for the tokenizer CPython runs over an f-string replacement field's text
 * (fstring_compile_expr): lines are counted from `startingLineno`, and tokens whose line (the line
 * the tokenizer is on when the token ends) is `startingLineno` get `startingColOffset` added to
 * both columns, exactly as pegen's initialize_token does.
 */
export interface TokenizerOptions {
  startingLineno?: number;
  startingColOffset?: number;
}

/** A warning CPython's tokenizer issues (parser_warn), in the order the tokens are read. */
export interface TokenizerWarning {
  category: 'SyntaxWarning';
  message: string;
  lineno: number;
}

export class Tokenizer {
  readonly source: string;
  /**
   * Warnings so far, e.g. "invalid decimal literal" for `1if x else y`; `python3 FILE` prints
   * them to stderr (SyntaxWarning is shown by the default filters).
   */
  readonly warnings: TokenizerWarning[] = [];
  private readonly length: number;
  /** tok->cur: index of the next character to read. */
  private pos = 0;
  private lineno = 1;
  private lineStart = 0;
  /** First index on the current line holding a non-ASCII code unit; -1 until computed. */
  private lineAsciiLimit = -1;
  /** A column already computed past lineAsciiLimit on the current line: index and byte column. */
  private columnCacheIndex = -1;
  private columnCacheBytes = 0;
  /**
   * tok->buf: where the line pegen quotes in its errors begins. It stays on the first line of a
   * token that spans lines (a string, a backslash continuation) and otherwise follows lineStart.
   */
  private bufferStart = 0;
  private atBeginningOfLine = true;
  private pendingIndents = 0;
  private indent = 0;
  private readonly indentStack: number[] = [0];
  private readonly altIndentStack: number[] = [0];
  private level = 0;
  private readonly parenStack: number[] = [];
  private readonly parenLineStack: number[] = [];
  private readonly parenColStack: number[] = [];
  private failure: TokenizerError | null = null;
  private finished = false;
  /** For a string token: the line and line start of its first character. */
  private firstLineno = 1;
  private multiLineStart = 0;

  /** Line whose tokens are shifted right by shiftColumns (0: none, lines start at 1). */
  private readonly shiftLine: number;
  private readonly shiftColumns: number;

  /**
   * Whether the source was read from a file CPython can read back (a real filename, not one in
   * angle brackets). pegen then converts an error's columns against the file's line as fgets
   * returns it (_PyErr_ProgramDecodedTextObject), clamping them to its length + 1, instead of
   * against the tokenizer's buffer, which can start lines earlier on a multi-line token.
   */
  fromFile = false;
  /** The text as given, for fileLine. */
  private readonly originalSource: string;
  /** The file's lines with their newlines, split on first use. */
  private fileLines: string[] | null = null;

  constructor(source: string, options?: TokenizerOptions) {
    this.originalSource = source;
    this.source = normalizeSource(source);
    this.length = this.source.length;
    if (options?.startingLineno !== undefined) {
      this.lineno = this.firstLineno = options.startingLineno;
      this.shiftLine = options.startingLineno;
      this.shiftColumns = options.startingColOffset ?? 0;
    } else {
      this.shiftLine = 0;
      this.shiftColumns = 0;
    }
  }

  /** The next token; throws TokenizerError at a lexical error (and again on every later call). */
  next(): Token {
    if (this.failure !== null) throw this.failure;
    try {
      return this.scan();
    } catch (error) {
      if (error instanceof TokenizerError) this.failure = error;
      throw error;
    }
  }

  /** Current bracket depth (tok->level). */
  get nestingLevel(): number {
    return this.level;
  }

  /**
   * The byte column CPython reports for an error located on a token that has no column (INDENT,
   * DEDENT, ENDMARKER): `tok->cur - line_start`, the cursor right after the token was produced.
   * Tokens other than these report their own col_offset.
   */
  cursorColumn(token: Token): number {
    if (token.type !== TokenType.INDENT && token.type !== TokenType.DEDENT && token.type !== TokenType.ENDMARKER) {
      return token.col_offset;
    }
    // At end of input the cursor is past the last newline, still on the last line.
    const lineStart = token.start >= this.length
      ? this.source.lastIndexOf('\n', this.length - 2) + 1
      : this.lineStartBefore(token.start);
    return utf8Bytes(this.source, lineStart, token.start);
  }

  /**
   * The text CPython converts a parser error's byte columns against (error_line in
   * _PyPegen_raise_error_known_location), given the tokenizer's current state: for an error on
   * the current line or later, the tokenizer's buffer, which starts on the first line of the
   * multi-line token (string, backslash continuation) last read and runs through the current
   * line's newline; otherwise the line itself, without newline. A character before the error's
   * own line in that buffer shifts the offset, as it does in CPython.
   */
  errorLine(lineno: number): string {
    const end = this.currentLineEnd();
    if (this.lineno <= lineno && end > this.bufferStart) return this.source.slice(this.bufferStart, end);
    return this.lineText(lineno);
  }

  /**
   * A 1-based line of the file as err_programtext reads it (universal newlines, with its newline
   * unless it is a last line without one), or null past the file's end.
   */
  fileLine(lineno: number): string | null {
    if (this.fileLines === null) {
      const text = this.originalSource.indexOf('\r') >= 0 ? this.originalSource.replace(/\r\n?/g, '\n') : this.originalSource;
      this.fileLines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    }
    if (lineno < 1 || lineno > this.fileLines.length) return null;
    const line = this.fileLines[lineno - 1];
    // err_programtext reads with fgets into a 1000-byte buffer: a longer line is read in chunks
    // of 999 bytes and only the last chunk is kept (decoded with errors="replace").
    if (line.length <= FGETS_CHUNK / 3 || utf8Bytes(line, 0, line.length) <= FGETS_CHUNK) return line;
    const bytes = new TextEncoder().encode(line);
    if (bytes.length % FGETS_CHUNK === 0 && bytes[bytes.length - 1] !== Ch.LF) return null;
    const lastChunk = Math.floor((bytes.length - 1) / FGETS_CHUNK) * FGETS_CHUNK;
    return new TextDecoder().decode(bytes.subarray(lastChunk));
  }

  /** Text of a 1-based line, without its newline. */
  lineText(lineno: number): string {
    let start = 0;
    for (let n = 1; n < lineno; n++) {
      const nl = this.source.indexOf('\n', start);
      if (nl < 0) return '';
      start = nl + 1;
    }
    const end = this.source.indexOf('\n', start);
    return this.source.slice(start, end < 0 ? this.length : end);
  }

  private lineStartBefore(index: number): number {
    return index <= 0 ? 0 : this.source.lastIndexOf('\n', index - 1) + 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Scanning (tok_get)

  private charAt(index: number): number {
    return index < this.length ? this.source.charCodeAt(index) : EOF;
  }

  /** A newline at `newlineIndex` was consumed; the next line begins if input continues. */
  private beginLineAfter(newlineIndex: number, insideToken: boolean): void {
    if (newlineIndex + 1 < this.length) {
      this.lineno++;
      this.lineStart = newlineIndex + 1;
      this.lineAsciiLimit = -1;
      this.columnCacheIndex = -1;
      if (!insideToken) this.bufferStart = this.lineStart;
    }
  }

  /** UTF-8 byte column of `index` on the current line. */
  private column(index: number): number {
    if (this.lineAsciiLimit < 0) {
      let i = this.lineStart;
      const src = this.source;
      while (i < this.length) {
        const c = src.charCodeAt(i);
        if (c >= 128 || c === Ch.LF) break;
        i++;
      }
      this.lineAsciiLimit = i < this.length && src.charCodeAt(i) >= 128 ? i : Number.MAX_SAFE_INTEGER;
    }
    if (index <= this.lineAsciiLimit) return index - this.lineStart;
    // Past the first non-ASCII character: count on from the last answer, so that a long line
    // full of tokens costs linear time.
    if (this.columnCacheIndex < this.lineAsciiLimit || index < this.columnCacheIndex) {
      this.columnCacheIndex = this.lineAsciiLimit;
      this.columnCacheBytes = this.lineAsciiLimit - this.lineStart;
    }
    this.columnCacheBytes += utf8Bytes(this.source, this.columnCacheIndex, index);
    this.columnCacheIndex = index;
    return this.columnCacheBytes;
  }

  private token(type: TokenType, text: string, start: number, end: number): Token {
    let col = this.column(start);
    let endCol = start === end ? col : this.column(end);
    if (this.lineno === this.shiftLine) {
      col += this.shiftColumns;
      endCol += this.shiftColumns;
    }
    return {
      type, text,
      lineno: this.lineno, col_offset: col, end_lineno: this.lineno, end_col_offset: endCol,
      start, end, level: this.level,
    };
  }

  /** INDENT / DEDENT / ENDMARKER: pegen sees no text pointers, hence column -1. */
  private markerToken(type: TokenType): Token {
    const col = this.lineno === this.shiftLine ? this.shiftColumns - 1 : -1;
    return {
      type, text: '',
      lineno: this.lineno, col_offset: col, end_lineno: this.lineno, end_col_offset: col,
      start: this.pos, end: this.pos, level: this.level,
    };
  }

  private scan(): Token {
    const src = this.source;
    if (this.finished) return this.markerToken(TokenType.ENDMARKER);
    for (;;) {
      let blankline = false;
      if (this.atBeginningOfLine) {
        this.atBeginningOfLine = false;
        blankline = this.measureIndentation();
      }
      if (this.pendingIndents !== 0) {
        if (this.pendingIndents < 0) {
          this.pendingIndents++;
          return this.markerToken(TokenType.DEDENT);
        }
        this.pendingIndents--;
        return this.markerToken(TokenType.INDENT);
      }

      // again: (after a backslash continuation)
      for (;;) {
        let c = this.charAt(this.pos);
        while (c === Ch.SPACE || c === Ch.TAB || c === Ch.FF) c = this.charAt(++this.pos);
        const start = this.pos;
        if (c === Ch.HASH) {
          let i = this.pos;
          while (i < this.length && src.charCodeAt(i) !== Ch.LF) i++;
          this.pos = i;
          c = this.charAt(i);
        }
        if (c === EOF) {
          if (this.level > 0) throw this.unclosedParenthesisError('eof');
          this.finished = true;
          return this.markerToken(TokenType.ENDMARKER);
        }
        if (isPotentialIdentifierStart(c)) return this.scanNameOrPrefixedString(start);
        if (c === Ch.LF) {
          const newline = this.pos;
          this.pos++;
          this.atBeginningOfLine = true;
          if (blankline || this.level > 0) {
            this.beginLineAfter(newline, false);
            break; // nextline
          }
          const token = this.token(TokenType.NEWLINE, '\n', start, newline);
          this.beginLineAfter(newline, false);
          return token;
        }
        if (c === Ch.DOT) {
          const c2 = this.charAt(start + 1);
          if (isDigit(c2)) return this.scanNumber(start);
          if (c2 === Ch.DOT && this.charAt(start + 2) === Ch.DOT) {
            this.pos = start + 3;
            return this.token(TokenType.OP, '...', start, start + 3);
          }
          this.pos = start + 1;
          return this.token(TokenType.OP, '.', start, start + 1);
        }
        if (isDigit(c)) return this.scanNumber(start);
        if (c === Ch.SQUOTE || c === Ch.DQUOTE) return this.scanString(start, start);
        if (c === Ch.BACKSLASH) {
          this.continueLine(start, true);
          continue; // again
        }
        return this.scanOperator(start, c);
      }
    }
  }

  /**
   * Start of a line: measure indentation, queue INDENT/DEDENT. Returns whether the line is blank
   * (whitespace and/or a comment only), which then produces no NEWLINE.
   */
  private measureIndentation(): boolean {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    let c: number;
    for (;;) {
      c = this.charAt(this.pos);
      if (c === Ch.SPACE) {
        col++; altcol++; this.pos++;
      } else if (c === Ch.TAB) {
        col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
        altcol++;
        this.pos++;
      } else if (c === Ch.FF) {
        col = altcol = 0;
        this.pos++;
      } else if (c === Ch.BACKSLASH) {
        // Indentation cannot be split over lines: the first backslash fixes the level.
        contLineCol = contLineCol || col;
        this.continueLine(this.pos, false);
      } else {
        break;
      }
    }
    const blankline = c === Ch.HASH || c === Ch.LF;
    if (blankline || this.level !== 0) return blankline;
    if (contLineCol) {
      col = contLineCol;
      altcol = contLineCol;
    }
    const indents = this.indentStack;
    const altIndents = this.altIndentStack;
    if (col === indents[this.indent]) {
      if (altcol !== altIndents[this.indent]) throw this.tabError();
    } else if (col > indents[this.indent]) {
      if (this.indent + 1 >= MAXINDENT) {
        throw this.codeError('toodeep', 'IndentationError', 'too many levels of indentation', true);
      }
      if (altcol <= altIndents[this.indent]) throw this.tabError();
      this.pendingIndents++;
      this.indent++;
      indents[this.indent] = col;
      altIndents[this.indent] = altcol;
    } else {
      while (this.indent > 0 && col < indents[this.indent]) {
        this.pendingIndents--;
        this.indent--;
      }
      if (col !== indents[this.indent]) {
        throw this.codeError('dedent', 'IndentationError', 'unindent does not match any outer indentation level', false);
      }
      if (altcol !== altIndents[this.indent]) throw this.tabError();
    }
    return false;
  }

  /** tok_continuation_line: a backslash at `backslash` must end its line, and input must go on. */
  private continueLine(backslash: number, insideToken: boolean): void {
    const next = this.charAt(backslash + 1);
    if (next !== Ch.LF) {
      this.pos = backslash + 2;
      throw this.lineContinuationError(backslash);
    }
    this.pos = backslash + 2;
    if (this.pos >= this.length) {
      if (this.level > 0) throw this.unclosedParenthesisError('eof');
      throw this.cursorError('eof', 'SyntaxError', 'unexpected EOF while parsing');
    }
    this.beginLineAfter(backslash + 1, insideToken);
  }

  private scanNameOrPrefixedString(start: number): Token {
    const src = this.source;
    let i = start;
    let c = src.charCodeAt(i);
    // String prefixes: b, r, u, f in the combinations CPython accepts, any case.
    let sawB = false, sawR = false, sawU = false, sawF = false;
    for (;;) {
      const lower = c | 0x20;
      if (!(sawB || sawU || sawF) && lower === Ch.LB) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && lower === Ch.LU) sawU = true;
      else if (!(sawR || sawU) && lower === Ch.LR) sawR = true;
      else if (!(sawF || sawB || sawU) && lower === Ch.LF_) sawF = true;
      else break;
      c = this.charAt(++i);
      if (c === Ch.SQUOTE || c === Ch.DQUOTE) return this.scanString(start, i);
    }
    let nonAscii = false;
    while (i < this.length) {
      c = src.charCodeAt(i);
      if (!isPotentialIdentifierChar(c)) break;
      if (c >= 128) nonAscii = true;
      i++;
    }
    this.pos = i;
    let text = src.slice(start, i);
    if (nonAscii) {
      this.verifyIdentifier(start, text);
      text = text.normalize('NFKC');
    }
    return this.token(TokenType.NAME, text, start, i);
  }

  /** verify_identifier: XID_Start (or '_') then XID_Continue, checked on the text as written. */
  private verifyIdentifier(start: number, text: string): void {
    let offset = 0;
    let first = true;
    while (offset < text.length) {
      const cp = text.codePointAt(offset)!;
      const ch = String.fromCodePoint(cp);
      const ok = first ? isIdentifierStart(cp) : isIdentifierContinue(cp);
      if (!ok) {
        this.pos = start + offset + ch.length;
        const msg = isPrintable(cp)
          ? `invalid character '${ch}' (U+${hex4(cp)})`
          : `invalid non-printable character U+${hex4(cp)}`;
        throw this.errorAtCursor(msg, this.pos);
      }
      first = false;
      offset += ch.length;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers: the shape is checked here; numbers.ts turns the text into a value.

  private scanNumber(start: number): Token {
    const end = this.numberEnd(start);
    this.pos = end;
    return this.token(TokenType.NUMBER, this.source.slice(start, end), start, end);
  }

  /** Digits and single underscores from `i` (tok_decimal_tail); `i` is at a digit. */
  private decimalTail(i: number): number {
    for (;;) {
      while (isDigit(this.charAt(i))) i++;
      if (this.charAt(i) !== Ch.UNDERSCORE) return i;
      if (!isDigit(this.charAt(i + 1))) throw this.errorAtCursor('invalid decimal literal', i + 1);
      i++;
    }
  }

  private numberEnd(start: number): number {
    let i = start;
    let c = this.charAt(i);
    if (c === Ch.DOT) return this.fractionAndRest(i + 1);
    if (c === Ch.D0) {
      c = this.charAt(i + 1);
      const lower = c | 0x20;
      if (lower === Ch.LX) return this.radixDigits(i + 2, 16, 'hexadecimal');
      if (lower === Ch.LO) return this.radixDigits(i + 2, 8, 'octal');
      if (lower === Ch.LB) return this.radixDigits(i + 2, 2, 'binary');
      // A decimal starting with zeros: only zeros unless it turns out to be a float.
      i++;
      let nonzero = false;
      for (;;) {
        c = this.charAt(i);
        if (c === Ch.UNDERSCORE) {
          if (!isDigit(this.charAt(i + 1))) throw this.errorAtCursor('invalid decimal literal', i + 1);
          i++;
          c = this.charAt(i);
        }
        if (c !== Ch.D0) break;
        i++;
      }
      const zerosEnd = i + 1; // CPython's cursor has consumed the first non-zero character
      if (isDigit(c)) {
        nonzero = true;
        i = this.decimalTail(i);
        c = this.charAt(i);
      }
      if (c === Ch.DOT) return this.fractionAndRest(i + 1);
      if ((c | 0x20) === Ch.LE) return this.exponentAndRest(i);
      if ((c | 0x20) === Ch.LJ) return this.imaginaryEnd(i);
      if (nonzero) {
        throw this.errorWithRange(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          this.column(start) + 1, this.column(zerosEnd));
      }
      this.verifyEndOfNumber(i, 'decimal');
      return i;
    }
    i = this.decimalTail(i);
    c = this.charAt(i);
    if (c === Ch.DOT) return this.fractionAndRest(i + 1);
    if ((c | 0x20) === Ch.LE) return this.exponentAndRest(i);
    if ((c | 0x20) === Ch.LJ) return this.imaginaryEnd(i);
    this.verifyEndOfNumber(i, 'decimal');
    return i;
  }

  /** `i` is just after the '.'. */
  private fractionAndRest(i: number): number {
    if (isDigit(this.charAt(i))) i = this.decimalTail(i);
    const c = this.charAt(i);
    if ((c | 0x20) === Ch.LE) return this.exponentAndRest(i);
    if ((c | 0x20) === Ch.LJ) return this.imaginaryEnd(i);
    this.verifyEndOfNumber(i, 'decimal');
    return i;
  }

  /** `i` is at the 'e'. An 'e' not followed by an exponent ends the number before it. */
  private exponentAndRest(i: number): number {
    const e = i;
    let c = this.charAt(i + 1);
    if (c === Ch.PLUS || c === Ch.MINUS) {
      if (!isDigit(this.charAt(i + 2))) throw this.errorAtCursor('invalid decimal literal', i + 2);
      i += 2;
    } else if (!isDigit(c)) {
      this.verifyEndOfNumber(e, 'decimal');
      return e;
    } else {
      i += 1;
    }
    i = this.decimalTail(i);
    c = this.charAt(i);
    if ((c | 0x20) === Ch.LJ) return this.imaginaryEnd(i);
    this.verifyEndOfNumber(i, 'decimal');
    return i;
  }

  /** `i` is at the 'j'. */
  private imaginaryEnd(i: number): number {
    this.verifyEndOfNumber(i + 1, 'imaginary');
    return i + 1;
  }

  private radixDigits(i: number, radix: 2 | 8 | 16, kind: string): number {
    const isRadixDigit = radix === 16 ? isHexDigit : radix === 8 ? (c: number) => c >= Ch.D0 && c <= Ch.D7 : (c: number) => c === Ch.D0 || c === Ch.D1;
    let c = this.charAt(i);
    do {
      if (c === Ch.UNDERSCORE) c = this.charAt(++i);
      if (!isRadixDigit(c)) {
        if (radix !== 16 && isDigit(c)) {
          throw this.errorAtCursor(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, i + 1);
        }
        throw this.errorAtCursor(`invalid ${kind} literal`, i);
      }
      do c = this.charAt(++i); while (isRadixDigit(c));
    } while (c === Ch.UNDERSCORE);
    if (radix !== 16 && isDigit(c)) {
      throw this.errorAtCursor(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, i + 1);
    }
    this.verifyEndOfNumber(i, kind);
    return i;
  }

  /**
   * verify_end_of_number: a number directly followed by a keyword that can legally follow one
   * (and, else, for, if, in, is, not, or) only earns a DeprecationWarning; any other identifier
   * character is an error.
   */
  private verifyEndOfNumber(i: number, kind: string): void {
    const c = this.charAt(i);
    // Only ASCII counts here: `1é` is a NUMBER and a NAME, and the parser reports it.
    if (c >= 128 || !isPotentialIdentifierChar(c)) return;
    let keyword = false;
    switch (c) {
      case Ch.LA: keyword = this.lookahead(i + 1, 'nd'); break;
      case Ch.LE: keyword = this.lookahead(i + 1, 'lse'); break;
      case Ch.LF_: keyword = this.lookahead(i + 1, 'or'); break;
      // CPython checks only one more letter here: `1ifx` passes and fails later in the parser.
      case Ch.LI: { const c2 = this.charAt(i + 1); keyword = c2 === Ch.LF_ || c2 === Ch.LN || c2 === Ch.LS; break; }
      case Ch.LO: keyword = this.lookahead(i + 1, 'r'); break;
      case Ch.LN: keyword = this.lookahead(i + 1, 'ot'); break;
    }
    if (keyword) {
      this.warnings.push({ category: 'SyntaxWarning', message: `invalid ${kind} literal`, lineno: this.lineno });
      return;
    }
    throw this.errorAtCursor(`invalid ${kind} literal`, i);
  }

  /** tokenizer.c lookahead(): `rest` follows at `i` and ends the word. */
  private lookahead(i: number, rest: string): boolean {
    return this.source.startsWith(rest, i) && !isPotentialIdentifierChar(this.charAt(i + rest.length));
  }

  // ---------------------------------------------------------------------------------------------
  // Strings: found whole here (f-strings included, as in 3.11); strings.ts decodes them.

  /** `start` is the token start (prefix included), `quoteIndex` the opening quote. */
  private scanString(start: number, quoteIndex: number): Token {
    const src = this.source;
    const quote = src.charCodeAt(quoteIndex);
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    const startCol = this.column(start);
    let i = quoteIndex + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (this.charAt(i) === quote) {
      if (this.charAt(i + 1) === quote) {
        quoteSize = 3;
        i += 2;
      } else {
        endQuoteSize = 1; // empty string
        i += 1;
      }
    }
    while (endQuoteSize !== quoteSize) {
      const c = this.charAt(i);
      if (c === EOF || (quoteSize === 1 && c === Ch.LF)) {
        throw this.unterminatedStringError(start, quoteSize);
      }
      i++;
      if (c === quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c === Ch.LF) {
          this.beginLineAfter(i - 1, true);
        } else if (c === Ch.BACKSLASH) {
          const escaped = this.charAt(i);
          if (escaped !== EOF) {
            i++;
            if (escaped === Ch.LF) this.beginLineAfter(i - 1, true);
          }
        }
      }
    }
    this.pos = i;
    let endCol = this.column(i);
    let col = startCol;
    if (this.lineno === this.shiftLine) {
      col += this.shiftColumns;
      endCol += this.shiftColumns;
    }
    return {
      type: TokenType.STRING, text: src.slice(start, i),
      lineno: this.firstLineno, col_offset: col, end_lineno: this.lineno, end_col_offset: endCol,
      start, end: i, level: this.level,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Operators and brackets

  private scanOperator(start: number, c: number): Token {
    const c2 = this.charAt(start + 1);
    let length = 1;
    switch (c) {
      case Ch.BANG: if (c2 === Ch.EQ) length = 2; break;
      case Ch.PERCENT: case Ch.AMP: case Ch.PLUS: case Ch.CARET: case Ch.VBAR: case Ch.EQ: case Ch.AT:
        if (c2 === Ch.EQ) length = 2;
        break;
      case Ch.STAR: case Ch.SLASH:
        if (c2 === c) length = this.charAt(start + 2) === Ch.EQ ? 3 : 2;
        else if (c2 === Ch.EQ) length = 2;
        break;
      case Ch.MINUS: if (c2 === Ch.EQ || c2 === Ch.GT) length = 2; break;
      case Ch.COLON: if (c2 === Ch.EQ) length = 2; break;
      case Ch.LT:
        if (c2 === Ch.LT) length = this.charAt(start + 2) === Ch.EQ ? 3 : 2;
        else if (c2 === Ch.EQ || c2 === Ch.GT) length = 2;
        break;
      case Ch.GT:
        if (c2 === Ch.GT) length = this.charAt(start + 2) === Ch.EQ ? 3 : 2;
        else if (c2 === Ch.EQ) length = 2;
        break;
      case Ch.LPAR: case Ch.LSQB: case Ch.LBRACE:
        if (this.level >= MAXLEVEL) throw this.errorAtCursor('too many nested parentheses', start + 1);
        this.parenStack[this.level] = c;
        this.parenLineStack[this.level] = this.lineno;
        this.parenColStack[this.level] = this.column(start);
        this.level++;
        break;
      case Ch.RPAR: case Ch.RSQB: case Ch.RBRACE: {
        const closing = String.fromCharCode(c);
        if (this.level === 0) throw this.errorAtCursor(`unmatched '${closing}'`, start + 1);
        this.level--;
        const opening = this.parenStack[this.level];
        if (!((opening === Ch.LPAR && c === Ch.RPAR) || (opening === Ch.LSQB && c === Ch.RSQB) ||
              (opening === Ch.LBRACE && c === Ch.RBRACE))) {
          const openingLine = this.parenLineStack[this.level];
          const msg = openingLine !== this.lineno
            ? `closing parenthesis '${closing}' does not match opening parenthesis '${String.fromCharCode(opening)}' on line ${openingLine}`
            : `closing parenthesis '${closing}' does not match opening parenthesis '${String.fromCharCode(opening)}'`;
          throw this.errorAtCursor(msg, start + 1);
        }
        break;
      }
      default:
        if (c < Ch.SPACE || c === 127) {
          throw this.errorAtCursor(`invalid non-printable character U+${hex4(c)}`, start + 1);
        }
    }
    const end = start + length;
    this.pos = end;
    return this.token(TokenType.OP, length === 1 ? OPERATOR_TEXT[c] ?? String.fromCharCode(c) : this.source.slice(start, end), start, end);
  }

  // ---------------------------------------------------------------------------------------------
  // Errors, each located exactly where CPython 3.11 puts it.

  /** Text of the current line without its newline. */
  private currentLineText(lineStart = this.lineStart): string {
    const end = this.source.indexOf('\n', lineStart);
    return this.source.slice(lineStart, end < 0 ? this.length : end);
  }

  /** tokenizer.c syntaxerror(): offset = code points from the line start to the cursor. */
  private errorAtCursor(msg: string, cursor: number): TokenizerError {
    const offset = codePointCount(this.source, this.lineStart, Math.min(cursor, this.length));
    return new TokenizerError({
      type: 'SyntaxError', msg, lineno: this.lineno, offset,
      end_lineno: this.lineno, end_offset: offset, text: this.currentLineText(),
    }, 'error');
  }

  /** tokenizer.c syntaxerror_known_range(): CPython passes byte columns through unchanged. */
  private errorWithRange(msg: string, offset: number, endOffset: number): TokenizerError {
    return new TokenizerError({
      type: 'SyntaxError', msg, lineno: this.lineno, offset,
      end_lineno: this.lineno, end_offset: endOffset, text: this.currentLineText(),
    }, 'error');
  }

  private unterminatedStringError(start: number, quoteSize: number): TokenizerError {
    const detectedAt = this.lineno;
    const msg = quoteSize === 3
      ? `unterminated triple-quoted string literal (detected at line ${detectedAt})`
      : `unterminated string literal (detected at line ${detectedAt})`;
    // CPython moves its cursor back to just after the token's first character.
    const offset = codePointCount(this.source, this.multiLineStart, start + 1);
    return new TokenizerError({
      type: 'SyntaxError', msg, lineno: this.firstLineno, offset,
      end_lineno: this.firstLineno, end_offset: offset, text: this.currentLineText(this.multiLineStart),
    }, 'error');
  }

  /** The line pegen quotes when it raises: from the tokenizer's buffer, newline included. */
  private bufferLine(): string {
    return this.source.slice(this.bufferStart, this.currentLineEnd());
  }

  /** error_line for a pegen-raised error on the current line: the file's line, else the buffer. */
  private pegenLine(): string {
    return (this.fromFile ? this.fileLine(this.lineno) : null) ?? this.bufferLine();
  }

  /** Index just past the current line's newline (tok->inp). */
  private currentLineEnd(): number {
    const end = this.source.indexOf('\n', this.lineStart);
    return end < 0 ? this.length : end + 1;
  }

  /** pegen's tokenizer_error for E_TABSPACE / E_TOODEEP: column 0 of the line, end 0. */
  private codeError(code: TokenizerErrorCode, type: SyntaxErrorType, msg: string, atColumnZero: boolean): TokenizerError {
    if (atColumnZero) {
      return new TokenizerError({
        type, msg, lineno: this.lineno, offset: 1, end_lineno: this.lineno, end_offset: 0, text: this.pegenLine(),
      }, code);
    }
    // E_DEDENT: located on the error token, which has no column, so at the cursor (end of line).
    return this.cursorError(code, type, msg);
  }

  private tabError(): TokenizerError {
    return this.codeError('tabspace', 'TabError', 'inconsistent use of tabs and spaces in indentation', true);
  }

  /** An error pegen places at `tok->cur - line_start` after CPython moved the cursor to the line's end. */
  private cursorError(code: TokenizerErrorCode, type: SyntaxErrorType, msg: string): TokenizerError {
    const line = this.pegenLine();
    const offset = byteOffsetToCodePoints(line, utf8Bytes(this.source, this.lineStart, this.currentLineEnd()));
    return new TokenizerError({
      type, msg, lineno: this.lineno, offset, end_lineno: this.lineno, end_offset: -1, text: line,
    }, code);
  }

  /** E_LINECONT: one past the character after the backslash, counted the way pegen converts bytes. */
  private lineContinuationError(backslash: number): TokenizerError {
    // pegen measures from tok->buf, not from the line start, and counts the byte after the backslash;
    // converted against the file's own line the column is clamped to that line's length + 1.
    const line = this.pegenLine();
    const offset = byteOffsetToCodePoints(line, utf8Bytes(this.source, this.bufferStart, backslash + 1) + 1);
    return new TokenizerError({
      type: 'SyntaxError', msg: 'unexpected character after line continuation character',
      lineno: this.lineno, offset, end_lineno: this.lineno, end_offset: 0, text: line,
    }, 'linecont');
  }

  /** raise_unclosed_parentheses_error: at the innermost open bracket. */
  private unclosedParenthesisError(code: TokenizerErrorCode): TokenizerError {
    const index = this.level - 1;
    const lineno = this.parenLineStack[index];
    const opening = String.fromCharCode(this.parenStack[index]);
    const fileLine = this.fromFile ? this.fileLine(lineno) : null;
    const line = fileLine ?? (lineno === this.lineno ? this.bufferLine() : this.lineText(lineno));
    const offset = byteOffsetToCodePoints(line, this.parenColStack[index] + 1);
    return new TokenizerError({
      type: 'SyntaxError', msg: `'${opening}' was never closed`,
      lineno, offset, end_lineno: lineno, end_offset: 0, text: line,
    }, code);
  }

  /**
   * _PyPegen_tokenize_full_source_to_check_for_errors: after the parser settled on a syntax error
   * at line `errorLine`, read the remaining tokens. An error the tokenizer raises itself replaces
   * the parser's; any other tokenizer error inside a bracket opened before `errorLine` turns into
   * "'(' was never closed". Returns the replacing error, or null to keep the parser's.
   */
  checkRestForErrors(errorLine: number): PySyntaxError | null {
    for (;;) {
      let token: Token;
      try {
        token = this.next();
      } catch (error) {
        if (!(error instanceof TokenizerError)) throw error;
        if (error.direct) return error;
        // Any other error inside brackets opened before the parser's error line means the
        // brackets were never closed.
        if (this.level > 0 && errorLine > this.parenLineStack[this.level - 1]) {
          return error.code === 'eof' ? error : this.unclosedParenthesisError(error.code);
        }
        return null;
      }
      if (token.type === TokenType.ENDMARKER) return null;
    }
  }
}

const OPERATOR_TEXT: Record<number, string> = {};
for (const ch of '()[]{}:,;+-*/|&<>=.%~^@!$?`') OPERATOR_TEXT[ch.charCodeAt(0)] = ch;

/** UTF-8 length of text[from, to). */
export function utf8Bytes(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}

/** Code points in text[from, to). */
export function codePointCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * _PyPegen_byte_offset_to_character_offset: decode the first `byteOffset` bytes of `line` with
 * errors="replace" and count code points; a cut multi-byte character counts as one. The offset
 * is clamped to the line's byte length + 1 (the extra byte is CPython's terminating NUL).
 */
export function byteOffsetToCodePoints(line: string, byteOffset: number): number {
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < line.length && bytes < byteOffset; i++) {
    const c = line.charCodeAt(i);
    let width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 4;
        i++;
      }
    }
    bytes += width;
    count++;
  }
  if (bytes < byteOffset) count += 1; // the NUL terminator CPython may include
  return count;
}

/** Every token up to and including ENDMARKER; throws at the first lexical error. */
export function tokenize(source: string): Token[] {
  const tokenizer = new Tokenizer(source);
  const tokens: Token[] = [];
  for (;;) {
    const token = tokenizer.next();
    tokens.push(token);
    if (token.type === TokenType.ENDMARKER) return tokens;
  }
}
