// The format-spec mini-language of CPython 3.11 (Python/formatter_unicode.c): format(x, spec),
// str.format fields and f-string specs for str, int, float and complex.
//
// Owns: parsing a spec ([[fill]align][sign][z][#][0][width][grouping][.precision][type]) with
// CPython's error messages, and rendering: padding and alignment in code points, '=' padding
// after the sign and prefix, zero padding that flows into the thousands grouping
// (format(1234, '010,') == '00,001,234'), ',' and '_' grouping (4-digit '_' groups for b/o/x/X),
// '#' prefixes, 'c', '%' and 'n' (C locale: like d/g with no grouping), int → float conversion
// for e/f/g/%, and the omitted float type (repr-like, or 'g' with at least one decimal digit).
//
// Invariants: every function is pure and returns either the string or a `FormatError` carrying
// the Python exception type and message; nothing throws for bad user input. An EMPTY spec means
// str(x), which the VM computes itself (it may be an overridden __str__), so the functions here
// are only called with a non-empty spec, except for exact ints/floats/strs where they match str().

import { doubleToString } from './formatFloat';

export class FormatError {
  constructor(readonly type: 'ValueError' | 'TypeError' | 'OverflowError' | 'MemoryError', readonly message: string) {}
}

/**
 * The longest string a JS engine can build (V8: 2**29 - 24 UTF-16 units). A field wider than
 * this, or a precision that would need more digits, is CPython's MemoryError here.
 */
export const MAX_RESULT_LENGTH = 2 ** 29 - 24;

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '=' | '^';
  /** '+', '-', ' ' or '' when not given. */
  sign: '' | '+' | '-' | ' ';
  noNegativeZero: boolean;
  alternate: boolean;
  /** -1 when not given. */
  width: number;
  /** '', ',' or '_' as written; '_4' after validation for b/o/x/X. */
  grouping: '' | ',' | '_' | '_4';
  /** -1 when not given. */
  precision: number;
  /** The presentation type, or '' when omitted. */
  type: string;
}

/** Splits a JS string into Python code points (surrogate pairs join; lone surrogates stay). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const PY_SSIZE_T_MAX = 2 ** 63 - 1;

function isAlign(c: string | undefined): c is FormatSpec['align'] {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

/** How CPython names a presentation type in messages: the char, or \x.. outside printable ASCII. */
function describeType(type: string): string {
  const cp = type.codePointAt(0) ?? 0;
  return cp > 32 && cp < 128 ? `'${type}'` : `'\\x${cp.toString(16)}'`;
}

/**
 * parse_internal_render_format_spec. `defaultType` is 's', 'd' or '' (float), `defaultAlign`
 * '<' for strings and '>' for numbers.
 */
export function parseFormatSpec(spec: string, defaultType: string, defaultAlign: FormatSpec['align'], typeName = 'object'): FormatSpec | FormatError {
  const chars = codePoints(spec);
  const end = chars.length;
  let pos = 0;
  const format: FormatSpec = {
    fill: ' ', align: defaultAlign, sign: '', noNegativeZero: false, alternate: false,
    width: -1, grouping: '', precision: -1, type: defaultType,
  };
  let fillSpecified = false;
  let alignSpecified = false;

  if (end - pos >= 2 && isAlign(chars[pos + 1])) {
    format.fill = chars[pos];
    format.align = chars[pos + 1] as FormatSpec['align'];
    fillSpecified = true;
    alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(chars[pos])) {
    format.align = chars[pos] as FormatSpec['align'];
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1 && (chars[pos] === '+' || chars[pos] === '-' || chars[pos] === ' ')) {
    format.sign = chars[pos] as FormatSpec['sign'];
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === 'z') {
    format.noNegativeZero = true;
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === '#') {
    format.alternate = true;
    pos++;
  }
  // A leading '0' means zero padding after the sign, unless a fill was given.
  if (!fillSpecified && end - pos >= 1 && chars[pos] === '0') {
    format.fill = '0';
    if (!alignSpecified && defaultAlign === '>') format.align = '=';
    pos++;
  }
  const widthStart = pos;
  let width = 0;
  while (pos < end && chars[pos] >= '0' && chars[pos] <= '9') {
    width = width * 10 + (chars[pos].charCodeAt(0) - 48);
    if (width > PY_SSIZE_T_MAX) return new FormatError('ValueError', 'Too many decimal digits in format string');
    pos++;
  }
  format.width = pos === widthStart ? -1 : width;

  if (end - pos >= 1 && chars[pos] === ',') {
    format.grouping = ',';
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === '_') {
    if (format.grouping !== '') return new FormatError('ValueError', "Cannot specify both ',' and '_'.");
    format.grouping = '_';
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === ',' && format.grouping === '_') {
    return new FormatError('ValueError', "Cannot specify both ',' and '_'.");
  }
  if (end - pos >= 1 && chars[pos] === '.') {
    pos++;
    const precisionStart = pos;
    let precision = 0;
    while (pos < end && chars[pos] >= '0' && chars[pos] <= '9') {
      precision = precision * 10 + (chars[pos].charCodeAt(0) - 48);
      if (precision > PY_SSIZE_T_MAX) return new FormatError('ValueError', 'Too many decimal digits in format string');
      pos++;
    }
    if (pos === precisionStart) return new FormatError('ValueError', 'Format specifier missing precision');
    format.precision = precision;
  }
  if (end - pos > 1) return new FormatError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (format.width > MAX_RESULT_LENGTH || format.precision > MAX_RESULT_LENGTH) {
    // CPython would try to allocate the string; a JS engine cannot hold it.
    if (!(format.precision > 2147483647)) return new FormatError('MemoryError', '');
  }
  if (end - pos === 1) {
    format.type = chars[pos];
    pos++;
  }
  if (format.grouping !== '') {
    switch (format.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        break;
      case 'b': case 'o': case 'x': case 'X':
        // PEP 515: '_' groups bin/oct/hex digits by four; ',' is still an error there.
        if (format.grouping === '_') { format.grouping = '_4'; break; }
        return new FormatError('ValueError', `Cannot specify '${format.grouping}' with ${describeType(format.type)}.`);
      default:
        return new FormatError('ValueError', `Cannot specify '${format.grouping}' with ${describeType(format.type)}.`);
    }
  }
  return format;
}

function unknownType(type: string, typeName: string): FormatError {
  return new FormatError('ValueError', `Unknown format code ${describeType(type)} for object of type '${typeName}'`);
}

// ---------------------------------------------------------------------------------------------
// Number layout (calc_number_widths + fill_number)

interface Locale { decimalPoint: string; thousandsSeparator: string; grouping: number }

function localeFor(format: FormatSpec): Locale {
  if (format.type === 'n') return { decimalPoint: '.', thousandsSeparator: '', grouping: 0 }; // the C locale
  switch (format.grouping) {
    case ',': return { decimalPoint: '.', thousandsSeparator: ',', grouping: 3 };
    case '_': return { decimalPoint: '.', thousandsSeparator: '_', grouping: 3 };
    case '_4': return { decimalPoint: '.', thousandsSeparator: '_', grouping: 4 };
    default: return { decimalPoint: '.', thousandsSeparator: '', grouping: 0 };
  }
}

/**
 * _PyUnicode_InsertThousandsGrouping: the digits with separators, padded with '0' digits (and
 * separators between them) up to minWidth characters.
 */
function groupDigits(digits: string, minWidth: number, locale: Locale): string {
  minWidth = Math.max(0, minWidth);
  const separator = locale.thousandsSeparator;
  const chunks: string[] = [];
  let remaining = digits.length;
  let digitsEnd = digits.length;
  let useSeparator = false;
  const emit = (len: number) => {
    const zeros = Math.max(0, len - remaining);
    const chars = Math.max(0, Math.min(remaining, len));
    chunks.push(digits.slice(digitsEnd - chars, digitsEnd) + (useSeparator ? separator : ''));
    if (zeros) chunks[chunks.length - 1] = '0'.repeat(zeros) + chunks[chunks.length - 1];
    digitsEnd -= chars;
    remaining -= chars;
  };
  if (locale.grouping > 0) {
    for (;;) {
      const len = Math.min(locale.grouping, Math.max(remaining, minWidth, 1));
      emit(len);
      useSeparator = true;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) return chunks.reverse().join('');
      minWidth -= separator.length;
    }
  }
  emit(Math.max(remaining, minWidth, 1));
  return chunks.reverse().join('');
}

/**
 * Lays out a number: `signChar` is '-' or '' (the actual sign), `prefix` the '0x'-style prefix
 * (already cased), `digits` the integer digits to group, `remainder` everything after them
 * (decimal point excluded), `hasDecimal` whether a '.' separates them.
 */
function layoutNumber(format: FormatSpec, signChar: string, prefix: string, digits: string,
  hasDecimal: boolean, remainder: string): string {
  const locale = localeFor(format);
  let sign = '';
  if (format.sign === '+') sign = signChar === '-' ? '-' : '+';
  else if (format.sign === ' ') sign = signChar === '-' ? '-' : ' ';
  else if (signChar === '-') sign = '-';
  const decimal = hasDecimal ? locale.decimalPoint : '';
  const remainderLength = codePointLength(remainder);
  const nonDigitNonPadding = sign.length + prefix.length + decimal.length + remainderLength;
  const minWidth = format.fill === '0' && format.align === '=' ? format.width - nonDigitNonPadding : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, locale);
  const padding = format.width - (nonDigitNonPadding + grouped.length);
  let left = 0, inner = 0, right = 0;
  if (padding > 0) {
    switch (format.align) {
      case '<': right = padding; break;
      case '^': left = Math.floor(padding / 2); right = padding - left; break;
      case '=': inner = padding; break;
      case '>': left = padding; break;
    }
  }
  const fill = format.fill;
  return fill.repeat(left) + sign + prefix + fill.repeat(inner) + grouped + decimal + remainder + fill.repeat(right);
}

// ---------------------------------------------------------------------------------------------
// str

/** format(s, spec) for a str (default type 's', left aligned). */
export function formatStr(value: string, spec: string, typeName = 'str'): string | FormatError {
  if (spec === '') return value;
  const format = parseFormatSpec(spec, 's', '<', typeName);
  if (format instanceof FormatError) return format;
  if (format.type !== 's') return unknownType(format.type, typeName);
  if (format.sign === ' ') return new FormatError('ValueError', 'Space not allowed in string format specifier');
  if (format.sign !== '') return new FormatError('ValueError', 'Sign not allowed in string format specifier');
  if (format.noNegativeZero) return new FormatError('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (format.alternate) return new FormatError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (format.align === '=') return new FormatError('ValueError', "'=' alignment not allowed in string format specifier");
  return padString(value, format);
}

function padString(value: string, format: FormatSpec): string {
  let length = codePointLength(value);
  if ((format.width === -1 || format.width <= length) && (format.precision === -1 || format.precision >= length)) return value;
  if (format.precision >= 0 && length >= format.precision) {
    value = codePoints(value).slice(0, format.precision).join('');
    length = format.precision;
  }
  const total = format.width >= 0 && format.width > length ? format.width : length;
  let left = 0;
  if (format.align === '>') left = total - length;
  else if (format.align === '^') left = Math.floor((total - length) / 2);
  const right = total - length - left;
  return format.fill.repeat(left) + value + format.fill.repeat(right);
}

// ---------------------------------------------------------------------------------------------
// int

/** A Python int as the VM may hold it. */
export type IntValue = number | bigint;

/** CPython's default limit on int → decimal str conversions (sys.get_int_max_str_digits()). */
export const DEFAULT_MAX_STR_DIGITS = 4300;

/** JS prints large numbers in exponent form; integers beyond 2**53 go through bigint. */
function exactInt(value: IntValue): IntValue {
  return typeof value === 'number' && !Number.isSafeInteger(value) ? BigInt(value) : value;
}

function intToBase(value: IntValue, base: number): string {
  return exactInt(value).toString(base);
}

/**
 * str(int) with the 3.11 digit limit (0 disables it). The VM turns the error into ValueError.
 */
export function intToDecimalString(value: IntValue, maxStrDigits = DEFAULT_MAX_STR_DIGITS): string | FormatError {
  value = exactInt(value);
  if (typeof value === 'bigint' && maxStrDigits > 0) {
    // Refuse before converting, as CPython does: an n-bit number has more than (n-1) log10(2) digits.
    const bits = (value < 0n ? -value : value).toString(16).length * 4 - 3;
    if ((bits - 1) * Math.LOG10E * Math.LN2 > maxStrDigits + 1) {
      return new FormatError('ValueError', `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
    }
  }
  const text = value.toString();
  const digits = text.length - (text.startsWith('-') ? 1 : 0);
  if (maxStrDigits > 0 && digits > maxStrDigits) {
    return new FormatError('ValueError', `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return text;
}

/** bin(), oct(), hex(): '0b'/'0o'/'0x' after the sign. */
export function intWithPrefix(value: IntValue, base: 2 | 8 | 16): string {
  value = exactInt(value);
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  const negative = typeof value === 'bigint' ? value < 0n : value < 0;
  const magnitude = typeof value === 'bigint' ? (negative ? -value : value) : Math.abs(value);
  return (negative ? '-' : '') + prefix + magnitude.toString(base);
}

/** int → float as PyNumber_Float does (correctly rounded), or OverflowError. */
export function intToFloat(value: IntValue): number | FormatError {
  const x = Number(value);
  if (!Number.isFinite(x)) return new FormatError('OverflowError', 'int too large to convert to float');
  return x;
}

/** format(n, spec) for an int (bool passes its int value; an empty spec is str(n), the VM's). */
export function formatInt(value: IntValue, spec: string, typeName = 'int', maxStrDigits = DEFAULT_MAX_STR_DIGITS): string | FormatError {
  if (spec === '') return intToDecimalString(value, maxStrDigits);
  const format = parseFormatSpec(spec, 'd', '>', typeName);
  if (format instanceof FormatError) return format;
  switch (format.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatIntInternal(value, format, maxStrDigits);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      const x = intToFloat(value);
      if (x instanceof FormatError) return x;
      return formatFloatInternal(x, format);
    }
    default:
      return unknownType(format.type, typeName);
  }
}

function formatIntInternal(value: IntValue, format: FormatSpec, maxStrDigits: number): string | FormatError {
  if (format.precision !== -1) return new FormatError('ValueError', 'Precision not allowed in integer format specifier');
  if (format.noNegativeZero) return new FormatError('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (format.type === 'c') {
    if (format.sign !== '') return new FormatError('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (format.alternate) return new FormatError('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    const n = typeof value === 'bigint' ? value : BigInt(value);
    if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) return new FormatError('OverflowError', 'Python int too large to convert to C long');
    if (n < 0n || n > 0x10ffffn) return new FormatError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(format, '', '', '', false, String.fromCodePoint(Number(n)));
  }
  const base = format.type === 'b' ? 2 : format.type === 'o' ? 8 : format.type === 'x' || format.type === 'X' ? 16 : 10;
  const negative = typeof value === 'bigint' ? value < 0n : value < 0;
  let digits: string;
  if (base === 10) {
    const text = intToDecimalString(value, maxStrDigits);
    if (text instanceof FormatError) return text;
    digits = negative ? text.slice(1) : text;
  } else {
    const text = intToBase(value, base);
    digits = negative ? text.slice(1) : text;
  }
  let prefix = format.alternate && base !== 10 ? (base === 2 ? '0b' : base === 8 ? '0o' : '0x') : '';
  if (format.type === 'X') { digits = digits.toUpperCase(); prefix = prefix.toUpperCase(); }
  return layoutNumber(format, negative ? '-' : '', prefix, digits, false, '');
}

// ---------------------------------------------------------------------------------------------
// float

/** format(x, spec) for a float (an empty spec is str(x)). */
export function formatFloat(value: number, spec: string, typeName = 'float'): string | FormatError {
  if (spec === '') return doubleToString(value, 'r', 0, { addDot0: true });
  const format = parseFormatSpec(spec, '', '>', typeName);
  if (format instanceof FormatError) return format;
  switch (format.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatInternal(value, format);
    default:
      return unknownType(format.type, typeName);
  }
}

function splitNumber(text: string): { signChar: string; digits: string; hasDecimal: boolean; remainder: string } {
  let index = 0;
  let signChar = '';
  if (text[0] === '-') { signChar = '-'; index = 1; }
  let end = index;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  const digits = text.slice(index, end);
  const hasDecimal = text[end] === '.';
  const remainder = text.slice(hasDecimal ? end + 1 : end);
  return { signChar, digits, hasDecimal, remainder };
}

/** The string PyOS_double_to_string gives for a float under `format` (no padding or grouping yet). */
function floatBody(value: number, format: FormatSpec, defaultPrecision = 6): string | FormatError {
  if (format.precision > 2147483647) return new FormatError('ValueError', 'precision too big');
  let precision = format.precision;
  let type = format.type;
  let addDot0 = false;
  if (type === '') {
    addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let percent = false;
  if (type === '%') { type = 'f'; value *= 100; percent = true; }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const body = doubleToString(value, type, precision, { addDot0, alt: format.alternate, noNegativeZero: format.noNegativeZero });
  return percent ? body + '%' : body;
}

function formatFloatInternal(value: number, format: FormatSpec): string | FormatError {
  const body = floatBody(value, format);
  if (body instanceof FormatError) return body;
  const { signChar, digits, hasDecimal, remainder } = splitNumber(body);
  return layoutNumber(format, signChar, '', digits, hasDecimal, remainder);
}

// ---------------------------------------------------------------------------------------------
// complex

/**
 * format(z, spec) for a complex (an empty spec is str(z), the VM's). Follows
 * format_complex_internal: both parts formatted with the spec's type and precision, the
 * imaginary part always signed, parentheses only when the type is omitted and the real part is
 * shown, then the whole padded as one field.
 */
export function formatComplex(real: number, imag: number, spec: string, typeName = 'complex'): string | FormatError {
  const format = parseFormatSpec(spec, '', '>', typeName);
  if (format instanceof FormatError) return format;
  switch (format.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknownType(format.type, typeName);
  }
  if (format.fill === '0') return new FormatError('ValueError', 'Zero padding is not allowed in complex format specifier');
  if (format.align === '=') return new FormatError('ValueError', "'=' alignment flag is not allowed in complex format specifier");
  let type: string = format.type;
  let precision = format.precision;
  let addParens = false;
  let skipReal = false;
  let defaultPrecision = 6;
  if (type === '') {
    type = 'r';
    defaultPrecision = 0;
    if (Object.is(real, 0)) skipReal = true;
    else addParens = true;
  }
  if (type === 'n') type = 'g';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const flags = { alt: format.alternate, noNegativeZero: format.noNegativeZero };
  const reBody = doubleToString(real, type, precision, flags);
  const imBody = doubleToString(imag, type, precision, flags);
  const re = splitNumber(reBody);
  const im = splitNumber(imBody);
  const locale = localeFor(format);
  const part = (p: ReturnType<typeof splitNumber>, forceSign: boolean) => {
    let sign = '';
    if (p.signChar === '-') sign = '-';
    else if (forceSign) sign = '+';
    else if (format.sign === '+') sign = '+';
    else if (format.sign === ' ') sign = ' ';
    const grouped = p.digits.length === 0 ? '' : groupDigits(p.digits, 0, locale);
    return sign + grouped + (p.hasDecimal ? locale.decimalPoint : '') + p.remainder;
  };
  let body = '';
  if (!skipReal) body += part(re, false);
  body += part(im, !skipReal) + 'j';
  if (addParens) body = '(' + body + ')';
  const length = codePointLength(body);
  const total = format.width > length ? format.width : length;
  let left = 0;
  if (format.align === '>') left = total - length;
  else if (format.align === '^') left = Math.floor((total - length) / 2);
  return format.fill.repeat(left) + body + format.fill.repeat(total - length - left);
}
