// Number literal text → ast.Constant value, as Parser/pegen.c parsenumber does it. The tokenizer
// has already checked the literal's shape, so this only converts: ints of any size become bigint,
// floats are rounded correctly (JS Number() parses decimal text with round-half-even, like
// CPython's dtoa), and `…j` becomes a pure imaginary ComplexValue.
//
// CPython 3.11 also limits decimal int literals to 4300 digits (sys.int_info.str_digits_check_threshold
// aside); that error is raised by the parser at the token with no columns, so it is thrown here as
// IntegerDigitsLimitError for the parser to place.

import { ComplexValue, type ConstantValue } from './constants';

/** sys.get_int_max_str_digits() default. */
export const INT_MAX_STR_DIGITS = 4300;

export class IntegerDigitsLimitError extends Error {
  constructor(readonly digits: number) {
    super(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; ` +
      'use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals ' +
      'to avoid decimal conversion limits.');
  }
}

/**
 * The value of a NUMBER token's text. Throws IntegerDigitsLimitError for a decimal int longer than
 * CPython accepts; the parser reports it as SyntaxError at (token.lineno, 0, token.end_lineno, 0).
 */
export function parseNumber(text: string): ConstantValue {
  const digits = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = digits.charCodeAt(digits.length - 1);
  if (last === 0x6a || last === 0x4a) { // j, J
    return new ComplexValue(0, Number(digits.slice(0, -1)));
  }
  if (digits.length > 1 && digits.charCodeAt(0) === 0x30) { // 0x.., 0o.., 0b.., 0.5, 00
    const kind = digits.charCodeAt(1) | 0x20;
    if (kind === 0x78 || kind === 0x6f || kind === 0x62) return BigInt(digits);
  }
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c === 0x2e || c === 0x65 || c === 0x45) return Number(digits); // '.', 'e', 'E'
  }
  if (digits.length > INT_MAX_STR_DIGITS) throw new IntegerDigitsLimitError(digits.length);
  if (digits.length < 16) return BigInt(Number(digits));
  return BigInt(digits);
}
