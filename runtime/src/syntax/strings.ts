// String literals: STRING tokens → ast.Constant / ast.JoinedStr, as CPython 3.11's
// Parser/string_parser.c and _PyPegen_concatenate_strings do it. This owns prefix handling,
// escape decoding (str and bytes), implicit concatenation and the 3.11 f-string scanner.
//
// Invariants:
// - Only the parser can parse expressions, so f-string replacement fields are handed back to it
//   through StringHost.parseFStringExpression with the exact text and starting position CPython's
//   sub-parser gets; the positions of the expression nodes then follow from the Tokenizer options.
// - Constant and JoinedStr parts get the span of the whole concatenation (first..last token),
//   FormattedValue too; a format spec's JoinedStr and its trailing Constant get the span of the
//   token they are in. That is 3.11's behaviour, quirks included.
// - Errors are raised through the host so that the parser places them where pegen would: most at
//   the last token it fetched (RAISE_SYNTAX_ERROR), "bytes can only contain ASCII" at the token.
// - Escape errors carry CPython's codec wording, with positions counted in the intermediate
//   buffer CPython decodes (non-ASCII characters expanded to \UXXXXXXXX).

import type { AstExpr, Constant, FormattedValue, JoinedStr } from './ast';
import { BytesValue } from './constants';
import type { Token } from './token';
import { utf8Bytes } from './tokenizer';
import { lookupUnicodeName } from './unicodeNames';

/** What CPython's f-string sub-parser is given for one replacement field. */
export interface FStringExpressionSource {
  /** '(' + the expression text as written + ')'; may span lines. */
  source: string;
  /** The line the source's first line is on (the sub-tokenizer starts counting there). */
  startingLineno: number;
  /** Added to the byte columns of tokens on `startingLineno` (the '(' sits at this column). */
  startingColOffset: number;
}

export interface StringHost {
  /** RAISE_SYNTAX_ERROR: located at the last token the parser fetched. */
  raiseSyntaxError(msg: string): never;
  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, msg). */
  raiseSyntaxErrorAt(token: Token, msg: string): never;
  /**
   * Parse one replacement field's expression like CPython's fstring_compile_expr: run the
   * `fstring` start rule (star_expressions) over
   * `new Tokenizer(expr.source, { startingLineno, startingColOffset })`. Errors that pegen raises
   * with a location get the "f-string: " prefix and have startingColOffset subtracted from their
   * columns; errors the sub-tokenizer raises itself keep its own numbers.
   */
  parseFStringExpression(expr: FStringExpressionSource): AstExpr;
  /** A DeprecationWarning CPython would emit (invalid escape sequences), at `lineno`. */
  warn?(message: string, lineno: number): void;
}

export interface StringPrefix {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** Index of the first character after the opening quote(s) in the token text. */
  bodyStart: number;
  /** Index of the closing quote(s). */
  bodyEnd: number;
}

/** Split a STRING token's text into prefix flags and body bounds (_PyPegen_parsestr). */
export function parseStringPrefix(text: string): StringPrefix {
  let bytes = false, raw = false, fstring = false;
  let i = 0;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x62) bytes = true;        // b
    else if (c === 0x72) raw = true;     // r
    else if (c === 0x66) fstring = true; // f
    else if (c !== 0x75) break;          // u
    i++;
  }
  const quote = text.charCodeAt(i);
  let bodyStart = i + 1;
  let bodyEnd = text.length - 1;
  if (bodyEnd - bodyStart >= 4 && text.charCodeAt(bodyStart) === quote && text.charCodeAt(bodyStart + 1) === quote) {
    bodyStart += 2;
    bodyEnd -= 2;
  }
  return { bytes, raw, fstring, bodyStart, bodyEnd };
}

// -----------------------------------------------------------------------------------------------
// Concatenation (_PyPegen_concatenate_strings)

class FStringState {
  lastStr: string | null = null;
  readonly exprs: AstExpr[] = [];
  fmode = false;

  concat(s: string): void {
    if (s.length === 0) return;
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }
}

function constantNode(value: Constant['value'], kind: string | null, first: Token, last: Token): Constant {
  return {
    nodeType: 'Constant', value, kind,
    lineno: first.lineno, col_offset: first.col_offset, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset,
  };
}

function joinedStrNode(values: AstExpr[], first: Token, last: Token): JoinedStr {
  return {
    nodeType: 'JoinedStr', values,
    lineno: first.lineno, col_offset: first.col_offset, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset,
  };
}

/** make_str_node_and_del: kind 'u' comes from the first token of the concatenation, lowercase only. */
function strNode(value: string, first: Token, last: Token): Constant {
  return constantNode(value, first.text.charCodeAt(0) === 0x75 ? 'u' : null, first, last);
}

/** The node for one or more adjacent STRING tokens (the `strings` rule's action). */
export function concatenateStrings(tokens: readonly Token[], host: StringHost): Constant | JoinedStr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (tokens.length === 1) {
    // The common case, without the concatenation state.
    const prefix = parseStringPrefix(first.text);
    if (!prefix.fstring) {
      const value = decodeLiteral(first, prefix, host);
      return typeof value === 'string' ? strNode(value, first, last) : constantNode(value, null, first, last);
    }
  }
  let bytesMode = false;
  let bytesParts: Uint8Array[] | null = null;
  const state = new FStringState();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const prefix = parseStringPrefix(token.text);
    const value = prefix.fstring ? null : decodeLiteral(token, prefix, host);
    if (i !== 0 && bytesMode !== prefix.bytes) host.raiseSyntaxError('cannot mix bytes and nonbytes literals');
    bytesMode = prefix.bytes;
    if (prefix.fstring) {
      new FStringParser(host, token, first, last, prefix.raw).concatFString(state, prefix.bodyStart, prefix.bodyEnd, 0);
    } else if (value instanceof BytesValue) {
      (bytesParts ??= []).push(value.bytes);
    } else {
      state.concat(value as string);
    }
  }
  if (bytesMode) return constantNode(new BytesValue(concatBytes(bytesParts!)), null, first, last);
  return finish(state, first, last);
}

/** _PyPegen_FstringParser_Finish. */
function finish(state: FStringState, first: Token, last: Token): Constant | JoinedStr {
  if (!state.fmode) return strNode(state.lastStr ?? '', first, last);
  if (state.lastStr !== null) {
    state.exprs.push(strNode(state.lastStr, first, last));
    state.lastStr = null;
  }
  return joinedStrNode(state.exprs, first, last);
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A plain (non-f) literal's value: string or BytesValue. */
function decodeLiteral(token: Token, prefix: StringPrefix, host: StringHost): string | BytesValue {
  const text = token.text;
  const { bodyStart, bodyEnd } = prefix;
  if (prefix.bytes) {
    for (let i = bodyStart; i < bodyEnd; i++) {
      if (text.charCodeAt(i) >= 0x80) host.raiseSyntaxErrorAt(token, 'bytes can only contain ASCII literal characters');
    }
    if (prefix.raw || text.indexOf('\\', bodyStart) < 0) return new BytesValue(asciiBytes(text, bodyStart, bodyEnd));
    return new BytesValue(decodeBytesEscapes(text, bodyStart, bodyEnd, token, host));
  }
  if (prefix.raw) return text.slice(bodyStart, bodyEnd);
  const backslash = text.indexOf('\\', bodyStart);
  if (backslash < 0 || backslash >= bodyEnd) return text.slice(bodyStart, bodyEnd);
  return decodeUnicodeEscapes(text, bodyStart, bodyEnd, token, host);
}

function asciiBytes(text: string, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = text.charCodeAt(i);
  return out;
}

// -----------------------------------------------------------------------------------------------
// Escapes

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function isOctalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

const SIMPLE_ESCAPES: Record<number, string> = {
  0x0a: '', 0x5c: '\\', 0x27: "'", 0x22: '"', 0x62: '\b', 0x66: '\f', 0x74: '\t', 0x6e: '\n', 0x72: '\r',
  0x76: '\v', 0x61: '\x07',
};

function warnInvalidEscape(text: string, at: number, token: Token, host: StringHost): void {
  if (!host.warn) return;
  const c = text.charCodeAt(at);
  const message = c >= 0x34 && c <= 0x37
    ? `invalid octal escape sequence '\\${text.slice(at, at + 3)}'`
    : `invalid escape sequence '\\${text[at]}'`;
  host.warn(message, token.lineno);
}

/**
 * decode_unicode_with_escapes + the unicode-escape codec over text[from, to). A backslash that
 * ends the text or precedes a non-ASCII character stays a backslash, as CPython's "\u005c"
 * rewrite makes it.
 */
export function decodeUnicodeEscapes(text: string, from: number, to: number, token: Token, host: StringHost): string {
  let out = '';
  let chunkStart = from;
  let firstInvalid = -1;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const backslash = i;
    out += text.slice(chunkStart, i);
    i++;
    if (i >= to) {
      out += '\\';
      chunkStart = to;
      break;
    }
    const c = text.charCodeAt(i);
    chunkStart = i + 1;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (isOctalDigit(c)) {
      let value = c - 0x30;
      if (i + 1 < to && isOctalDigit(text.charCodeAt(i + 1))) {
        value = value * 8 + text.charCodeAt(++i) - 0x30;
        if (i + 1 < to && isOctalDigit(text.charCodeAt(i + 1))) value = value * 8 + text.charCodeAt(++i) - 0x30;
      }
      if (value > 0o377 && firstInvalid < 0) firstInvalid = i - 2;
      out += String.fromCharCode(value);
      chunkStart = i + 1;
      continue;
    }
    if (c === 0x78 || c === 0x75 || c === 0x55) { // x u U
      const count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
      const reason = c === 0x78 ? 'truncated \\xXX escape' : c === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
      let value = 0;
      let j = i + 1;
      for (let n = 0; n < count; n++, j++) {
        const digit = j < to ? hexValue(text.charCodeAt(j)) : -1;
        if (digit < 0) unicodeEscapeError(text, from, to, backslash, j, reason, host);
        value = value * 16 + digit;
      }
      if (value > 0x10ffff) unicodeEscapeError(text, from, to, backslash, j, 'illegal Unicode character', host);
      out += String.fromCodePoint(value);
      i = j - 1;
      chunkStart = j;
      continue;
    }
    if (c === 0x4e) { // N
      let j = i + 1;
      if (j < to && text.charCodeAt(j) === 0x7b) {
        const nameStart = ++j;
        while (j < to && text.charCodeAt(j) !== 0x7d) j++;
        if (j < to && j > nameStart) {
          const codePoint = lookupUnicodeName(text.slice(nameStart, j));
          if (codePoint === undefined) {
            unicodeEscapeError(text, from, to, backslash, j + 1, 'unknown Unicode character name', host);
          }
          out += String.fromCodePoint(codePoint);
          i = j;
          chunkStart = j + 1;
          continue;
        }
      }
      unicodeEscapeError(text, from, to, backslash, j, 'malformed \\N character escape', host);
    }
    if (c >= 0x80) {
      out += '\\';
      chunkStart = i; // the character itself is copied with the next chunk
      i--;
      continue;
    }
    if (firstInvalid < 0) firstInvalid = i;
    out += '\\' + text[i];
  }
  out += text.slice(chunkStart, to);
  if (firstInvalid >= 0) warnInvalidEscape(text, firstInvalid, token, host);
  return out;
}

/**
 * The length of text[from, at) once CPython has rewritten it for the unicode-escape codec:
 * each non-ASCII code point becomes \UXXXXXXXX (10 bytes) and a backslash before one (or at the
 * end) becomes \u005c (6 bytes).
 */
function escapeBufferOffset(text: string, from: number, to: number, at: number): number {
  let n = 0;
  let i = from;
  while (i < at) {
    let c = text.charCodeAt(i);
    if (c === 0x5c) {
      n++;
      i++;
      if (i >= to || text.charCodeAt(i) >= 0x80) n += 5;
      if (i >= to || i >= at) break;
      c = text.charCodeAt(i);
    }
    if (c >= 0x80) {
      n += 10;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    } else {
      n++;
      i++;
    }
  }
  return n;
}

function unicodeEscapeError(text: string, from: number, to: number, start: number, end: number, reason: string, host: StringHost): never {
  const startPos = escapeBufferOffset(text, from, to, start);
  const endPos = escapeBufferOffset(text, from, to, end);
  const where = endPos === startPos + 1
    ? `byte 0x5c in position ${startPos}`
    : `bytes in position ${startPos}-${endPos - 1}`;
  return host.raiseSyntaxError(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`);
}

/** _PyBytes_DecodeEscape over an ASCII-only body. */
export function decodeBytesEscapes(text: string, from: number, to: number, token: Token, host: StringHost): Uint8Array {
  const out = new Uint8Array(to - from);
  let n = 0;
  let firstInvalid = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c) {
      out[n++] = c;
      continue;
    }
    i++;
    if (i >= to) {
      out[n++] = 0x5c;
      break;
    }
    const e = text.charCodeAt(i);
    switch (e) {
      case 0x0a: break;
      case 0x5c: out[n++] = 0x5c; break;
      case 0x27: out[n++] = 0x27; break;
      case 0x22: out[n++] = 0x22; break;
      case 0x62: out[n++] = 0x08; break;
      case 0x66: out[n++] = 0x0c; break;
      case 0x74: out[n++] = 0x09; break;
      case 0x6e: out[n++] = 0x0a; break;
      case 0x72: out[n++] = 0x0d; break;
      case 0x76: out[n++] = 0x0b; break;
      case 0x61: out[n++] = 0x07; break;
      case 0x78: { // x
        const d1 = i + 2 < to + 1 && i + 1 < to ? hexValue(text.charCodeAt(i + 1)) : -1;
        const d2 = i + 2 < to ? hexValue(text.charCodeAt(i + 2)) : -1;
        if (d1 < 0 || d2 < 0) host.raiseSyntaxError(`(value error) invalid \\x escape at position ${i - 1 - from}`);
        out[n++] = d1 * 16 + d2;
        i += 2;
        break;
      }
      default:
        if (isOctalDigit(e)) {
          let value = e - 0x30;
          if (i + 1 < to && isOctalDigit(text.charCodeAt(i + 1))) {
            value = value * 8 + text.charCodeAt(++i) - 0x30;
            if (i + 1 < to && isOctalDigit(text.charCodeAt(i + 1))) value = value * 8 + text.charCodeAt(++i) - 0x30;
          }
          if (value > 0o377 && firstInvalid < 0) firstInvalid = i - 2;
          out[n++] = value & 0xff;
        } else {
          if (firstInvalid < 0) firstInvalid = i;
          out[n++] = 0x5c;
          out[n++] = e;
        }
    }
  }
  if (firstInvalid >= 0) warnInvalidEscape(text, firstInvalid, token, host);
  return n === out.length ? out : out.slice(0, n);
}

// -----------------------------------------------------------------------------------------------
// f-strings (3.11: the whole f-string is one STRING token, scanned here)

/** tokenizer.h MAXLEVEL, reused by the f-string scanner. */
const MAXLEVEL = 200;

class FStringParser {
  /** Index into the token text of the scanner (`*str` in string_parser.c). */
  private pos = 0;
  private readonly text: string;

  constructor(
    private readonly host: StringHost,
    private readonly token: Token,
    private readonly first: Token,
    private readonly last: Token,
    private readonly raw: boolean,
  ) {
    this.text = token.text;
  }

  /** _PyPegen_FstringParser_ConcatFstring over text[start, end). */
  concatFString(state: FStringState, start: number, end: number, recurseLevel: number): void {
    this.pos = start;
    this.concatFromCursor(state, end, recurseLevel);
  }

  private concatFromCursor(state: FStringState, end: number, recurseLevel: number): void {
    state.fmode = true;
    for (;;) {
      const literalStart = this.pos;
      const doubled = this.findLiteral(end, recurseLevel);
      const literalEnd = doubled ? this.pos - 1 : this.pos;
      if (literalEnd !== literalStart) state.concat(this.decodeLiteralPart(literalStart, literalEnd));
      if (doubled) continue;
      if (this.pos >= end || this.text.charCodeAt(this.pos) === 0x7d) break; // '}' ends a format spec
      const { expression, exprText } = this.findExpression(end, recurseLevel);
      if (exprText !== null) state.concat(exprText);
      if (state.lastStr !== null) {
        state.exprs.push(strNode(state.lastStr, this.first, this.last));
        state.lastStr = null;
      }
      state.exprs.push(expression);
    }
    if (recurseLevel === 0 && this.pos < end - 1) this.host.raiseSyntaxError('f-string: unexpected end of string');
    if (recurseLevel !== 0 && this.text.charCodeAt(this.pos) !== 0x7d) this.host.raiseSyntaxError("f-string: expecting '}'");
  }

  private decodeLiteralPart(start: number, end: number): string {
    if (this.raw) return this.text.slice(start, end);
    const backslash = this.text.indexOf('\\', start);
    if (backslash < 0 || backslash >= end) return this.text.slice(start, end);
    return decodeUnicodeEscapes(this.text, start, end, this.token, this.host);
  }

  /**
   * fstring_find_literal: advance over literal text up to a '{' or '}' that matters. Returns true
   * when it stopped after a doubled brace (the literal then includes one brace and the cursor is
   * past the second).
   */
  private findLiteral(end: number, recurseLevel: number): boolean {
    const text = this.text;
    let s = this.pos;
    while (s < end) {
      let ch = text.charCodeAt(s++);
      if (!this.raw && ch === 0x5c && s < end) {
        ch = text.charCodeAt(s++);
        if (ch === 0x4e) { // \N{...} is not an expression
          if (s < end && text.charCodeAt(s++) === 0x7b) {
            while (s < end && text.charCodeAt(s++) !== 0x7d) { /* skip the name */ }
          }
          continue;
        }
        if (ch === 0x7b && this.host.warn) this.host.warn("invalid escape sequence '\\{'", this.token.lineno);
      }
      if (ch === 0x7b || ch === 0x7d) {
        if (recurseLevel === 0) {
          if (s < end && text.charCodeAt(s) === ch) {
            this.pos = s + 1;
            return true;
          }
          if (ch === 0x7d) {
            this.pos = s - 1;
            this.host.raiseSyntaxError("f-string: single '}' is not allowed");
          }
        }
        s--;
        break;
      }
    }
    this.pos = s;
    return false;
  }

  /** fstring_find_expr: the cursor is on a '{'. */
  private findExpression(end: number, recurseLevel: number): { expression: FormattedValue; exprText: string | null } {
    const host = this.host;
    const text = this.text;
    if (recurseLevel >= 2) host.raiseSyntaxError('f-string: expressions nested too deeply');
    const braceIndex = this.pos;
    let s = this.pos + 1;
    const exprStart = s;
    let quoteChar = 0;
    let stringType = 0;
    let depth = 0;
    const parenStack: number[] = [];
    for (; s < end; s++) {
      const ch = text.charCodeAt(s);
      if (ch === 0x5c) host.raiseSyntaxError('f-string expression part cannot include a backslash');
      if (quoteChar) {
        if (ch === quoteChar) {
          if (stringType === 3) {
            if (s + 2 < end && text.charCodeAt(s + 1) === ch && text.charCodeAt(s + 2) === ch) {
              s += 2;
              stringType = 0;
              quoteChar = 0;
            }
          } else {
            stringType = 0;
            quoteChar = 0;
          }
        }
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        if (s + 2 < end && text.charCodeAt(s + 1) === ch && text.charCodeAt(s + 2) === ch) {
          stringType = 3;
          s += 2;
        } else {
          stringType = 1;
        }
        quoteChar = ch;
      } else if (ch === 0x5b || ch === 0x7b || ch === 0x28) {
        if (depth >= MAXLEVEL) host.raiseSyntaxError('f-string: too many nested parenthesis');
        parenStack[depth++] = ch;
      } else if (ch === 0x23) {
        host.raiseSyntaxError("f-string expression part cannot include '#'");
      } else if (depth === 0 && (ch === 0x21 || ch === 0x3a || ch === 0x7d || ch === 0x3d || ch === 0x3e || ch === 0x3c)) {
        if (s + 1 < end) {
          const next = text.charCodeAt(s + 1);
          if (next === 0x3d && (ch === 0x21 || ch === 0x3d || ch === 0x3c || ch === 0x3e)) {
            s++;
            continue;
          }
        }
        if (ch === 0x3e || ch === 0x3c) continue;
        break;
      } else if (ch === 0x5d || ch === 0x7d || ch === 0x29) {
        if (depth === 0) host.raiseSyntaxError(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const opening = parenStack[--depth];
        if (!((opening === 0x28 && ch === 0x29) || (opening === 0x5b && ch === 0x5d) || (opening === 0x7b && ch === 0x7d))) {
          host.raiseSyntaxError(
            `f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(opening)}'`);
        }
      }
    }
    const exprEnd = s;
    if (quoteChar) host.raiseSyntaxError('f-string: unterminated string');
    if (depth) host.raiseSyntaxError(`f-string: unmatched '${String.fromCharCode(parenStack[depth - 1])}'`);
    if (s >= end) host.raiseSyntaxError("f-string: expecting '}'");

    const value = this.compileExpression(braceIndex, exprStart, exprEnd);

    let exprText: string | null = null;
    if (text.charCodeAt(s) === 0x3d) { // '=': self-documenting
      s++;
      while (s < text.length && isAsciiSpace(text.charCodeAt(s))) s++;
      if (s >= end) host.raiseSyntaxError("f-string: expecting '}'");
      exprText = text.slice(exprStart, s);
    }
    let conversion = -1;
    if (text.charCodeAt(s) === 0x21) { // '!'
      s++;
      if (s >= end) host.raiseSyntaxError("f-string: expecting '}'");
      conversion = text.charCodeAt(s);
      s++;
      if (!(conversion === 0x73 || conversion === 0x72 || conversion === 0x61)) {
        host.raiseSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    let formatSpec: JoinedStr | Constant | null = null;
    if (s < end && text.charCodeAt(s) === 0x3a) { // ':'
      s++;
      if (s >= end) host.raiseSyntaxError("f-string: expecting '}'");
      // fstring_parse: a nested f-string whose JoinedStr (and trailing Constant) take this token's span.
      const specState = new FStringState();
      this.pos = s;
      this.concatFromCursor(specState, end, recurseLevel + 1);
      s = this.pos;
      formatSpec = finish(specState, this.token, this.token);
    }
    if (s >= end || text.charCodeAt(s) !== 0x7d) host.raiseSyntaxError("f-string: expecting '}'");
    s++;
    this.pos = s;
    if (exprText !== null && formatSpec === null && conversion === -1) conversion = 0x72; // 'r'
    const expression: FormattedValue = {
      nodeType: 'FormattedValue', value, conversion, format_spec: formatSpec,
      lineno: this.first.lineno, col_offset: this.first.col_offset,
      end_lineno: this.last.end_lineno, end_col_offset: this.last.end_col_offset,
    };
    return { expression, exprText };
  }

  /** fstring_compile_expr + fstring_find_expr_location. */
  private compileExpression(braceIndex: number, exprStart: number, exprEnd: number): AstExpr {
    const text = this.text;
    let s = exprStart;
    while (s < exprEnd) {
      const c = text.charCodeAt(s);
      if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c)) break;
      s++;
    }
    if (s === exprEnd) {
      const stop = text.charCodeAt(exprEnd);
      if (stop === 0x21 || stop === 0x3a || stop === 0x3d) {
        this.host.raiseSyntaxError(`f-string: expression required before '${String.fromCharCode(stop)}'`);
      }
      this.host.raiseSyntaxError('f-string: empty expression not allowed');
    }
    // Where the expression sits: lines before the brace, and the brace's byte column, which is
    // not counted when only whitespace follows the brace on its line.
    let newlineAfterBrace = true;
    for (let i = braceIndex + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x7d || c === 0x0a) break;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0c) {
        newlineAfterBrace = false;
        break;
      }
    }
    let cols = 0;
    if (!newlineAfterBrace) {
      let start = braceIndex;
      while (start > 0 && text.charCodeAt(start) !== 0x0a) start--;
      cols = utf8Bytes(text, start, braceIndex);
      if (text.charCodeAt(start) === 0x0a) cols -= 1;
    }
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < braceIndex; i = text.indexOf('\n', i + 1)) lines++;
    return this.host.parseFStringExpression({
      source: '(' + text.slice(exprStart, exprEnd) + ')',
      startingLineno: this.token.lineno + lines,
      startingColOffset: lines !== 0 ? cols : this.token.col_offset + cols,
    });
  }
}

/** Py_ISSPACE. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
