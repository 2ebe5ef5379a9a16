// printf-style formatting of str, `fmt % args`, as CPython 3.11's PyUnicode_Format
// (Objects/unicodeobject.c): %s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c and %%, with
// mapping keys `%(name)s` (balanced parentheses), flags - + space # 0, width, precision, `*` for
// either, and the ignored length modifiers h l L.
//
// Owns: parsing the conversion specs, argument consumption (tuple items in order, a single
// non-tuple operand, or lookups in a mapping), the number layouts (_PyUnicode_FormatLong for
// precision and '#' prefixes, PyOS_double_to_string for floats), sign / zero-fill / justification
// (unicode_format_arg_output), and CPython's error messages for format mistakes.
//
// Invariants: the Python objects stay opaque (type parameter V); every conversion of an operand
// (str(), repr(), int(), float(), mapping lookup) goes through the `PercentHost` the VM supplies,
// in the order CPython performs it. Format errors come back as a `FormatError`; anything the
// host throws (a KeyError from the mapping, an exception in __str__) propagates unchanged.

import { FormatError, MAX_RESULT_LENGTH, type IntValue } from './formatSpec';
import { doubleToString } from './formatFloat';

export interface PercentHost<V> {
  /** str(v) */
  str(v: V): string;
  /** repr(v) */
  repr(v: V): string;
  /** ascii(v) */
  ascii(v: V): string;
  /** type(v).__name__, for error messages. */
  typeName(v: V): string;
  /**
   * The integer for %d %i %u (`indexOnly` false: PyNumber_Long, so floats truncate) or for
   * %o %x %X (`indexOnly` true: operator.index). undefined when v is not a number / has no
   * __index__; the formatter then raises CPython's TypeError.
   */
  toInteger(v: V, indexOnly: boolean): IntValue | undefined;
  /**
   * float(v) for %e %f %g (via __float__, or __index__); undefined when v is not a real number.
   * In bytes mode (`forBytes`), return undefined for ANY failure, overflow included: CPython
   * reports them all as "float argument required".
   */
  toFloat(v: V, forBytes?: boolean): number | undefined;
  /** For `*`: the int value if v is an int (PyLong_Check), else undefined. */
  exactInt(v: V): IntValue | undefined;
  /** For %c: a str's text (any length), an int's value, or undefined for anything else. */
  charSource(v: V): string | IntValue | undefined;
  /** mapping[key] for %(key)s; may throw the VM's KeyError. In bytes mode the key is a bytes key (latin-1 string). */
  getItem(mapping: V, key: string): V;
  /**
   * bytes mode only, for %s and %b: the operand's bytes (buffer protocol or __bytes__) as a
   * latin-1 string, or undefined when it has none.
   */
  bytesOf?(v: V): string | undefined;
}

export interface PercentOptions {
  /**
   * `bytes % args`: the format and the result are bytes held as latin-1 strings (one char per
   * byte); %s/%b take bytes-like operands, %r/%a are ascii(), %c takes an int < 256 or one byte.
   */
  bytes?: boolean;
}

/** The right operand of `%`: a tuple's items, or one object (which may also be a mapping). */
export type PercentArgs<V> = { tuple: readonly V[] } | { single: V; isMapping: boolean };

const F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;
const SSIZE_MAX = 2 ** 63 - 1;
const INT_MAX = 2 ** 31 - 1;

class Failure {
  constructor(readonly error: FormatError) {}
}

function fail(type: FormatError['type'], message: string): never {
  throw new Failure(new FormatError(type, message));
}

function toBigInt(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** _PyUnicode_FormatLong: sign, optional 0o/0x prefix, digits zero-extended to `precision`. */
function formatLong(value: IntValue, alt: boolean, precision: number, type: string): string {
  const n = toBigInt(value);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  let digits = magnitude.toString(base);
  if (precision > digits.length) digits = '0'.repeat(precision - digits.length) + digits;
  let prefix = '';
  if (alt && base === 8) prefix = '0o';
  else if (alt && base === 16) prefix = '0x';
  let out = (negative ? '-' : '') + prefix + digits;
  if (type === 'X') out = out.toUpperCase();
  return out;
}

interface Spec {
  ch: string;
  flags: number;
  width: number;
  prec: number;
  /** Whether the conversion is numeric (sign and zero fill apply). */
  sign: boolean;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** unicode_format_arg_output: justification, sign and zero fill of one converted piece. */
function output(spec: Spec, text: string): string {
  let chars = Array.from(text);
  let len = chars.length;
  if ((spec.width === -1 || spec.width <= len) && (spec.prec === -1 || spec.prec >= len) && !(spec.flags & (F_SIGN | F_BLANK))) {
    return text;
  }
  if (spec.ch === 's' || spec.ch === 'r' || spec.ch === 'a' || spec.ch === 'b') {
    if (spec.prec >= 0 && len > spec.prec) { chars = chars.slice(0, spec.prec); len = spec.prec; }
  }
  let index = 0;
  let signChar = '';
  // Zero fill is decided by the conversion being numeric, whether or not a sign gets written.
  const fill = spec.sign && spec.flags & F_ZERO ? '0' : ' ';
  if (spec.sign) {
    const ch = chars[0];
    if (ch === '-' || ch === '+') { signChar = ch; len--; index++; }
    else if (spec.flags & F_SIGN) signChar = '+';
    else if (spec.flags & F_BLANK) signChar = ' ';
  }
  let width = spec.width < len ? len : spec.width;
  let out = '';
  if (signChar) {
    if (fill !== ' ') out += signChar;
    if (width > len) width--;
  }
  const altPrefix = (spec.flags & F_ALT) !== 0 && (spec.ch === 'x' || spec.ch === 'X' || spec.ch === 'o');
  if (altPrefix) {
    if (fill !== ' ') { out += '0' + spec.ch; index += 2; }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(spec.flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === ' ') {
    if (signChar) out += signChar;
    if (altPrefix) { out += '0' + spec.ch; index += 2; }
  }
  if (len > 0) out += chars.slice(index, index + len).join('');
  if (width > len) out += ' '.repeat(width - len);
  return out;
}

/** `format % args` for a str (or, with options.bytes, a bytes) format. Returns the result or the FormatError to raise. */
export function percentFormat<V>(format: string, args: PercentArgs<V>, host: PercentHost<V>, options: PercentOptions = {}): string | FormatError {
  try {
    return run(format, args, host, options.bytes === true);
  } catch (e) {
    if (e instanceof Failure) return e.error;
    throw e;
  }
}

function run<V>(format: string, args: PercentArgs<V>, host: PercentHost<V>, bytesMode: boolean): string {
  const leftover = `not all arguments converted during ${bytesMode ? 'bytes' : 'string'} formatting`;
  const fmt = Array.from(format);
  const count = fmt.length;
  let pos = 0;
  // The argument cursor, as CPython keeps it: arglen -1 with argidx -2 means "one object".
  let current: V | readonly V[];
  let arglen: number;
  let argidx: number;
  if ('tuple' in args) { current = args.tuple; arglen = args.tuple.length; argidx = 0; }
  else { current = args.single; arglen = -1; argidx = -2; }
  const dict = 'single' in args && args.isMapping ? args.single : undefined;
  const hasDict = 'single' in args && args.isMapping;

  const nextArg = (): V => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? (current as V) : (current as readonly V[])[i];
    }
    return fail('TypeError', 'not enough arguments for format string');
  };

  let out = '';
  while (pos < count) {
    if (fmt[pos] !== '%') {
      const start = pos;
      while (pos < count && fmt[pos] !== '%') pos++;
      out += fmt.slice(start, pos).join('');
      continue;
    }
    pos++; // past '%'
    if (pos < count && fmt[pos] === '%') { out += '%'; pos++; continue; }
    const spec: Spec = { ch: '', flags: 0, width: -1, prec: -1, sign: false };
    if (pos < count && fmt[pos] === '(') {
      if (!hasDict) fail('TypeError', 'format requires a mapping');
      pos++;
      const keyStart = pos;
      let depth = 1;
      while (depth > 0 && pos < count) {
        if (fmt[pos] === ')') depth--;
        else if (fmt[pos] === '(') depth++;
        pos++;
      }
      if (depth > 0) fail('ValueError', 'incomplete format key');
      const key = fmt.slice(keyStart, pos - 1).join('');
      current = host.getItem(dict as V, key);
      arglen = -1;
      argidx = -2;
    }
    // Flags
    let ch: string | undefined;
    for (;;) {
      if (pos >= count) { ch = undefined; break; }
      ch = fmt[pos++];
      if (ch === '-') spec.flags |= F_LJUST;
      else if (ch === '+') spec.flags |= F_SIGN;
      else if (ch === ' ') spec.flags |= F_BLANK;
      else if (ch === '#') spec.flags |= F_ALT;
      else if (ch === '0') spec.flags |= F_ZERO;
      else break;
    }
    // Width
    if (ch === '*') {
      const v = nextArg();
      const n = host.exactInt(v);
      if (n === undefined) fail('TypeError', '* wants int');
      const big = toBigInt(n);
      if (big > BigInt(SSIZE_MAX) || big < -BigInt(SSIZE_MAX) - 1n) fail('OverflowError', 'Python int too large to convert to C ssize_t');
      spec.width = Number(big);
      if (spec.width < 0) { spec.flags |= F_LJUST; spec.width = -spec.width; }
      ch = pos < count ? fmt[pos++] : undefined;
    } else if (ch !== undefined && ch >= '0' && ch <= '9') {
      spec.width = ch.charCodeAt(0) - 48;
      for (;;) {
        ch = pos < count ? fmt[pos++] : undefined;
        if (ch === undefined || ch < '0' || ch > '9') break;
        if (spec.width > (SSIZE_MAX - (ch.charCodeAt(0) - 48)) / 10) fail('ValueError', 'width too big');
        spec.width = spec.width * 10 + (ch.charCodeAt(0) - 48);
      }
    }
    // Precision
    if (ch === '.') {
      spec.prec = 0;
      ch = pos < count ? fmt[pos++] : undefined;
      if (ch === '*') {
        const v = nextArg();
        const n = host.exactInt(v);
        if (n === undefined) fail('TypeError', '* wants int');
        const big = toBigInt(n);
        if (big > BigInt(INT_MAX) || big < -BigInt(INT_MAX) - 1n) fail('OverflowError', 'Python int too large to convert to C int');
        spec.prec = Number(big);
        if (spec.prec < 0) spec.prec = 0;
        ch = pos < count ? fmt[pos++] : undefined;
      } else if (ch !== undefined && ch >= '0' && ch <= '9') {
        spec.prec = ch.charCodeAt(0) - 48;
        for (;;) {
          ch = pos < count ? fmt[pos++] : undefined;
          if (ch === undefined || ch < '0' || ch > '9') break;
          if (spec.prec > (INT_MAX - (ch.charCodeAt(0) - 48)) / 10) fail('ValueError', 'precision too big');
          spec.prec = spec.prec * 10 + (ch.charCodeAt(0) - 48);
        }
      }
    }
    if (ch === 'h' || ch === 'l' || ch === 'L') ch = pos < count ? fmt[pos++] : undefined;
    if (ch === undefined) fail('ValueError', 'incomplete format');
    spec.ch = ch;
    // CPython would try to allocate these; a JS engine cannot hold the string.
    if (spec.width > MAX_RESULT_LENGTH || spec.prec > MAX_RESULT_LENGTH) fail('MemoryError', '');
    out += convert(spec, nextArg(), host, pos - 1, bytesMode);
    if (hasDict && argidx < arglen) fail('TypeError', leftover);
  }
  if (argidx < arglen && !hasDict) fail('TypeError', leftover);
  return out;
}

/** unicode_format_arg_format: one operand through its conversion, then output(). */
function convert<V>(spec: Spec, v: V, host: PercentHost<V>, index: number, bytesMode: boolean): string {
  if (bytesMode) {
    switch (spec.ch) {
      case 's': case 'b': {
        const bytes = host.bytesOf ? host.bytesOf(v) : undefined;
        if (bytes === undefined) {
          fail('TypeError', `%b requires a bytes-like object, or an object that implements __bytes__, not '${host.typeName(v)}'`);
        }
        return output(spec, bytes);
      }
      case 'r': case 'a': return output(spec, host.ascii(v));
      case 'c': {
        const bytes = host.bytesOf ? host.bytesOf(v) : undefined;
        if (bytes !== undefined && bytes.length === 1) return output(spec, bytes);
        const n = bytes === undefined ? host.toInteger(v, true) : undefined;
        if (n === undefined) fail('TypeError', '%c requires an integer in range(256) or a single byte');
        const big = toBigInt(n);
        if (big < 0n || big > 255n) fail('OverflowError', '%c arg not in range(256)');
        return output(spec, String.fromCharCode(Number(big)));
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        const x = host.toFloat(v, true);
        if (x === undefined) fail('TypeError', `float argument required, not ${host.typeName(v)}`);
        spec.sign = true;
        const precision = spec.prec < 0 ? 6 : spec.prec;
        return output(spec, doubleToString(x, spec.ch, precision, { alt: (spec.flags & F_ALT) !== 0 }));
      }
    }
  }
  switch (spec.ch) {
    case 's': return output(spec, host.str(v));
    case 'r': return output(spec, host.repr(v));
    case 'a': return output(spec, host.ascii(v));
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
      const indexOnly = spec.ch === 'o' || spec.ch === 'x' || spec.ch === 'X';
      const n = host.toInteger(v, indexOnly);
      if (n === undefined) {
        const what = indexOnly ? 'an integer' : 'a real number';
        fail('TypeError', `%${spec.ch} format: ${what} is required, not ${host.typeName(v)}`);
      }
      spec.sign = true;
      return output(spec, formatLong(n, (spec.flags & F_ALT) !== 0, spec.prec, spec.ch));
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      const x = host.toFloat(v);
      if (x === undefined) fail('TypeError', `must be real number, not ${host.typeName(v)}`);
      spec.sign = true;
      const precision = spec.prec < 0 ? 6 : spec.prec;
      return output(spec, doubleToString(x, spec.ch, precision, { alt: (spec.flags & F_ALT) !== 0 }));
    }
    case 'c': {
      const source = host.charSource(v);
      let text: string;
      if (typeof source === 'string') {
        if (codePointLength(source) !== 1) fail('TypeError', '%c requires int or char');
        text = source;
      } else if (source === undefined) {
        fail('TypeError', '%c requires int or char');
      } else {
        const n = toBigInt(source);
        if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) fail('OverflowError', 'Python int too large to convert to C long');
        if (n < 0n || n > 0x10ffffn) fail('OverflowError', '%c arg not in range(0x110000)');
        text = String.fromCodePoint(Number(n));
      }
      return output(spec, text);
    }
    default: {
      const cp = spec.ch.codePointAt(0) ?? 0;
      const shown = cp >= 31 && cp <= 126 ? spec.ch : '?';
      return fail('ValueError', `unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
    }
  }
}
