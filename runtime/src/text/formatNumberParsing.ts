// str → number conversions of CPython 3.11: int(s, base) (Objects/longobject.c
// PyLong_FromUnicodeObject / PyLong_FromString) and float(s) (Objects/floatobject.c
// PyFloat_FromString with Python/pystrtod.c), including their error messages.
//
// Owns: Unicode decimal digits and whitespace mapped to ASCII first
// (_PyUnicode_TransformDecimalAndSpaceToASCII), ASCII-only whitespace stripping, signs, base
// prefixes and base 0 rules (no leading zeros on a nonzero decimal), PEP 515 underscores (one
// at a time, only between digits, one allowed right after a base prefix), the 4300-digit limit
// of 3.11 for non-power-of-two bases, inf/infinity/nan, overflow to ±inf and underflow to ±0.
//
// Invariants: results are `IntValue` (a number when safe, else a bigint) or a double; failures
// are `NumericError`s with the exact message to raise. JS's Number() is used only after the
// syntax has been validated here, so its laxer grammar ('0x10', '', 'Infinity') never leaks.
// Unicode digits follow the JS engine's Unicode tables (CPython 3.11 uses Unicode 14.0).

import { NumericError } from './formatFloat';
import { reprStr } from './repr';
import { DEFAULT_MAX_STR_DIGITS, type IntValue } from './formatSpec';

const DECIMAL_DIGIT = /\p{Nd}/u;
/** Py_UNICODE_ISSPACE beyond ASCII. */
const UNICODE_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** The decimal value of a Unicode Nd character: digits come in aligned runs of ten. */
function unicodeDecimalValue(cp: number): number {
  let start = cp;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays, Unicode spaces become ' ', Unicode
 * decimal digits become '0'-'9'; anything else ends the string with '?' (so parsing fails).
 */
function transformToAscii(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 127) { ascii = false; break; }
  if (ascii) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) out += ch;
    else if (UNICODE_SPACE.test(ch)) out += ' ';
    else if (DECIMAL_DIGIT.test(ch)) out += String.fromCharCode(48 + unicodeDecimalValue(cp));
    else return out + '?';
  }
  return out;
}

/** Py_ISSPACE: the C locale's six ASCII whitespace characters. */
function isAsciiSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function digitValue(c: string | undefined): number {
  if (c === undefined) return 99;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

function narrow(n: bigint): IntValue {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

function digitsToBigInt(digits: string, base: number): bigint {
  if (base === 10) return BigInt(digits);
  if (base === 16) return BigInt('0x' + digits);
  if (base === 8) return BigInt('0o' + digits);
  if (base === 2) return BigInt('0b' + digits);
  const big = BigInt(base);
  let value = 0n;
  // Chunks that fit in a double keep the bigint work down.
  const chunk = Math.floor(Math.log(2 ** 50) / Math.log(base));
  for (let i = 0; i < digits.length; i += chunk) {
    const part = digits.slice(i, i + chunk);
    value = value * big ** BigInt(part.length) + BigInt(parseInt(part, base));
  }
  return value;
}

function invalidIntLiteral(text: string, base: number): NumericError {
  // %.200R: the repr, cut to 200 characters.
  const repr = Array.from(reprStr(text)).slice(0, 200).join('');
  return new NumericError('ValueError', `invalid literal for int() with base ${base}: ${repr}`);
}

/**
 * int(text, base) for a str `text`. `base` must be 0 or 2..36 (the VM raises
 * "int() base must be >= 2 and <= 36, or 0" otherwise). `maxStrDigits` is
 * sys.get_int_max_str_digits() (0 = unlimited).
 */
export function parseIntLiteral(text: string, base = 10, maxStrDigits = DEFAULT_MAX_STR_DIGITS): IntValue | NumericError {
  if (base !== 0 && (base < 2 || base > 36)) return new NumericError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  const s = transformToAscii(text);
  const parsed = parseAsciiInt(s, base, maxStrDigits);
  if (parsed === 'invalid') return invalidIntLiteral(text, base);
  return parsed;
}

function parseAsciiInt(s: string, base: number, maxStrDigits: number): IntValue | NumericError | 'invalid' {
  // The C code stops at a NUL; anything after it makes the literal invalid.
  const nul = s.indexOf('\0');
  const hasNul = nul >= 0;
  if (hasNul) s = s.slice(0, nul);
  let i = 0;
  while (isAsciiSpace(s[i])) i++;
  let negative = false;
  if (s[i] === '+') i++;
  else if (s[i] === '-') { i++; negative = true; }
  let errorIfNonzero = false;
  if (base === 0) {
    const next = s[i + 1];
    if (s[i] !== '0') base = 10;
    else if (next === 'x' || next === 'X') base = 16;
    else if (next === 'o' || next === 'O') base = 8;
    else if (next === 'b' || next === 'B') base = 2;
    else { errorIfNonzero = true; base = 10; }
  }
  if (s[i] === '0') {
    const next = s[i + 1];
    if ((base === 16 && (next === 'x' || next === 'X')) || (base === 8 && (next === 'o' || next === 'O')) ||
        (base === 2 && (next === 'b' || next === 'B'))) {
      i += 2;
      if (s[i] === '_') i++;
    }
  }
  if (s[i] === '_') return 'invalid';
  const start = i;
  let digits = '';
  let previous = '';
  while (digitValue(s[i]) < base || s[i] === '_') {
    if (s[i] === '_') {
      if (previous === '_') return 'invalid';
    } else {
      digits += s[i];
    }
    previous = s[i];
    i++;
  }
  if (previous === '_') return 'invalid';
  if (i === start) return 'invalid';
  const powerOfTwo = (base & (base - 1)) === 0;
  if (!powerOfTwo && maxStrDigits > 0 && digits.length > maxStrDigits) {
    return new NumericError('ValueError', `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  let value = digitsToBigInt(digits, base);
  if (errorIfNonzero && value !== 0n) return 'invalid';
  while (isAsciiSpace(s[i])) i++;
  if (i !== s.length || hasNul) return 'invalid';
  if (negative) value = -value;
  return narrow(value);
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** float(text) for a str `text`. */
export function parseFloatLiteral(text: string): number | NumericError {
  const invalid = () => new NumericError('ValueError', `could not convert string to float: ${reprStr(text)}`);
  let s = transformToAscii(text);
  if (s.includes('_')) {
    // _Py_string_to_number_with_underscores: only between digits, never at the end.
    let out = '';
    let previous = '';
    for (const c of s) {
      if (c === '\0') break;
      if (c === '_') {
        if (!(previous >= '0' && previous <= '9')) return invalid();
      } else {
        out += c;
        if (previous === '_' && !(c >= '0' && c <= '9')) return invalid();
      }
      previous = c;
    }
    if (previous === '_') return invalid();
    if (s.includes('\0')) return invalid();
    s = out;
  }
  let begin = 0;
  let end = s.length;
  while (begin < end && isAsciiSpace(s[begin])) begin++;
  while (end > begin && isAsciiSpace(s[end - 1])) end--;
  const body = s.slice(begin, end);
  const special = SPECIAL_FLOAT.exec(body);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!DECIMAL_FLOAT.test(body)) return invalid();
  return Number(body);
}
