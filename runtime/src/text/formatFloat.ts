// Exact decimal conversion of doubles, as CPython 3.11 does it (Python/dtoa.c through
// Python/pystrtod.c): correctly rounded digits (round-half-even on the EXACT binary value, so
// format(2.675, '.2f') == '2.67' and format(0.125, '.2f') == '0.12'), the layout of
// PyOS_double_to_string for the e/f/g/r codes and their flags, and round(x, n) (double_round).
//
// Owns: digit generation in dtoa's modes 0 (shortest round-trip), 2 (n significant digits) and
// 3 (n digits after the point, n may be negative); `doubleToString` = PyOS_double_to_string;
// `floatRepr` = repr(float) = str(float); `roundFloat` = float.__round__; `roundInt` =
// int.__round__ with a negative ndigits.
//
// Invariants: digit strings never carry leading or trailing zeros, except that 0.0 is "0" with
// decimal point position 1, like dtoa. JS's toFixed/toPrecision are not used for rounding: they
// round exact ties away from zero (0.5.toFixed(0) is "1", Python gives "0") and stop at 100 digits.

/** PyOS_double_to_string flags. */
export interface DoubleToStringFlags {
  /** Py_DTSF_SIGN: always emit a sign ('+' for non-negative). */
  sign?: boolean;
  /** Py_DTSF_ADD_DOT_0: integral results in positional form get ".0" ('r' and format's '' type). */
  addDot0?: boolean;
  /** Py_DTSF_ALT: '#' — keep the decimal point and (for g) the trailing zeros. */
  alt?: boolean;
  /** Py_DTSF_NO_NEG_0: 'z' — a result that rounds to zero loses its minus sign. */
  noNegativeZero?: boolean;
}

export interface DecimalDigits {
  /** Significant digits, without leading or trailing zeros ("" when the value rounded to zero). */
  digits: string;
  /** Position of the decimal point relative to the start of `digits` (dtoa's decpt). */
  decimalPoint: number;
}

const float64 = new Float64Array(1);
const float64Words = new Uint32Array(float64.buffer);

/** |x| = mantissa * 2**exponent for finite nonzero x. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  float64[0] = x;
  const lo = float64Words[0];
  const hi = float64Words[1];
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa, exponent: -1074 };
  mantissa |= 1n << 52n;
  return { mantissa, exponent: biased - 1075 };
}

const powersOfTen: bigint[] = [1n];
const CACHED_POWERS = 400;
function pow10(n: number): bigint {
  if (n > CACHED_POWERS) return 10n ** BigInt(n); // square-and-multiply; a cache this long would cost O(n**2)
  while (powersOfTen.length <= n) powersOfTen.push(powersOfTen[powersOfTen.length - 1] * 10n);
  return powersOfTen[n];
}

/** round(num / den) with ties to even, for num >= 0, den > 0. */
function divideRoundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twiceRemainder = (num - q * den) * 2n;
  if (twiceRemainder > den || (twiceRemainder === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** |x| * 10**scale as an exact fraction num/den. */
function scaledFraction(x: number, scale: number): { num: bigint; den: bigint } {
  const { mantissa, exponent } = decompose(Math.abs(x));
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  return { num, den };
}

function digitsOfInteger(n: bigint, scale: number): DecimalDigits {
  if (n === 0n) return { digits: '', decimalPoint: -scale };
  let text = n.toString();
  const length = text.length;
  let end = length;
  while (end > 1 && text.charCodeAt(end - 1) === 48) end--;
  text = text.slice(0, end);
  return { digits: text, decimalPoint: length - scale };
}

/**
 * Whether |x| * 10**scale lies exactly halfway between two integers. Since 10**s = 2**s * 5**s
 * with 5**s odd, for s >= 0 that happens exactly when |x| * 2**(s+1) is an odd integer.
 * For s < 0 only integral x can tie; the caller takes the exact path for those.
 */
function isExactTie(ax: number, scale: number): boolean {
  const y = ax * 2 ** (scale + 1);
  return Number.isInteger(y) && y % 2 === 1;
}

/** Digits and decimal point from a toFixed/toExponential mantissa string of |x|. */
function digitsFromFixed(text: string, ndigits: number): DecimalDigits {
  const all = text.replace('.', '');
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 48) lead++;
  if (lead === all.length) return { digits: '', decimalPoint: -ndigits };
  let end = all.length;
  while (all.charCodeAt(end - 1) === 48) end--;
  return { digits: all.slice(lead, end), decimalPoint: all.length - ndigits - lead };
}

/** dtoa mode 3: |x| rounded to `ndigits` digits after the decimal point (ndigits may be negative). */
export function fixedDigits(x: number, ndigits: number): DecimalDigits {
  if (x === 0) return { digits: '0', decimalPoint: 1 };
  const ax = Math.abs(x);
  // toFixed is exact except that it rounds ties up; Python rounds them to even.
  if (ndigits >= 0 && ndigits <= 100 && ax < 1e21 && !isExactTie(ax, ndigits)) {
    return digitsFromFixed(ax.toFixed(ndigits), ndigits);
  }
  const { num, den } = scaledFraction(x, ndigits);
  return digitsOfInteger(divideRoundHalfEven(num, den), ndigits);
}

/** The decimal exponent k with 10**k <= |x| < 10**(k+1), exactly. */
export function decimalExponent(x: number): number {
  const ax = Math.abs(x);
  let k = Math.floor(Math.log10(ax));
  // log10 can be off by one next to powers of ten; settle it with exact arithmetic.
  for (;;) {
    const { num, den } = scaledFraction(ax, -k); // |x| / 10**k
    if (num < den) { k--; continue; }
    if (num >= den * 10n) { k++; continue; }
    return k;
  }
}

/** dtoa mode 2: |x| rounded to `ndigits` >= 1 significant digits. */
export function significantDigits(x: number, ndigits: number): DecimalDigits {
  if (x === 0) return { digits: '0', decimalPoint: 1 };
  if (ndigits <= 101) {
    const ax = Math.abs(x);
    const [mantissa, exponentText] = ax.toExponential(ndigits - 1).split('e');
    const exponent = Number(exponentText);
    // A mantissa of 1.000... may come from rounding up into the next power of ten, where the
    // decimal exponent of x itself is one less: let the exact path settle those.
    const carried = mantissa.charCodeAt(0) === 49 && /^1\.?0*$/.test(mantissa);
    const scale = ndigits - 1 - exponent;
    if (!carried && !(scale < 0 && Number.isInteger(ax)) && !isExactTie(ax, scale)) {
      const digits = mantissa.replace('.', '').replace(/0+$/, '');
      return { digits, decimalPoint: exponent + 1 };
    }
  }
  return fixedDigits(x, ndigits - 1 - decimalExponent(x));
}

/**
 * dtoa mode 0: the shortest digits that read back as x (JS and CPython agree on these). Read
 * off String(x), which V8 makes far cheaper than toExponential().
 */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: '0', decimalPoint: 1 };
  const text = String(Math.abs(x));
  const e = text.indexOf('e');
  if (e >= 0) {
    const mantissa = text.slice(0, e);
    return { digits: mantissa.replace('.', ''), decimalPoint: Number(text.slice(e + 1)) + 1 };
  }
  const dot = text.indexOf('.');
  if (dot < 0) {
    let end = text.length;
    while (end > 1 && text.charCodeAt(end - 1) === 48) end--;
    return { digits: text.slice(0, end), decimalPoint: text.length };
  }
  if (dot === 1 && text.charCodeAt(0) === 48) {
    let lead = 2;
    while (text.charCodeAt(lead) === 48) lead++;
    return { digits: text.slice(lead), decimalPoint: 2 - lead };
  }
  return { digits: text.slice(0, dot) + text.slice(dot + 1), decimalPoint: dot };
}

/**
 * PyOS_double_to_string(x, code, precision, flags): code is one of e E f F g G r ('r' ignores
 * precision). Lays the digits out as format_float_short does.
 */
export function doubleToString(x: number, code: string, precision: number, flags: DoubleToStringFlags = {}): string {
  let upper = false;
  let lowerCode = code;
  if (code === 'E' || code === 'F' || code === 'G') { upper = true; lowerCode = code.toLowerCase(); }
  let negative = x < 0 || Object.is(x, -0);
  if (x !== x) {
    return (flags.sign ? '+' : '') + (upper ? 'NAN' : 'nan');
  }
  if (x === Infinity || x === -Infinity) {
    const sign = negative ? '-' : flags.sign ? '+' : '';
    return sign + (upper ? 'INF' : 'inf');
  }
  let decimal: DecimalDigits;
  switch (lowerCode) {
    case 'e': precision += 1; decimal = significantDigits(x, precision); break;
    case 'f': decimal = fixedDigits(x, precision); break;
    case 'g': if (precision === 0) precision = 1; decimal = significantDigits(x, precision); break;
    case 'r': decimal = shortestDigits(x); break;
    default: throw new Error(`doubleToString: bad format code ${code}`);
  }
  const { digits } = decimal;
  let decpt = decimal.decimalPoint;
  const digitsLength = digits.length;
  const addDot0 = !!flags.addDot0;
  const alt = !!flags.alt;

  if (flags.noNegativeZero && negative && (digitsLength === 0 || digits === '0')) negative = false;

  let useExp = false;
  let vdigitsEnd = digitsLength;
  switch (lowerCode) {
    case 'e': useExp = true; vdigitsEnd = precision; break;
    case 'f': vdigitsEnd = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vdigitsEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) { exp = decpt - 1; decpt = 1; }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  let out = negative ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) {
    out += '0'.repeat(decpt - vdigitsStart) + '.' + '0'.repeat(-decpt);
  } else {
    out += '0'.repeat(-vdigitsStart);
  }
  if (decpt > 0 && decpt <= digitsLength) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLength < decpt) {
    out += '0'.repeat(decpt - digitsLength) + '.' + '0'.repeat(vdigitsEnd - decpt);
  } else {
    out += '0'.repeat(vdigitsEnd - digitsLength);
  }
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const magnitude = Math.abs(exp).toString().padStart(2, '0');
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + magnitude;
  }
  return out;
}

/** repr(float) and str(float): shortest digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  return doubleToString(x, 'r', 0, { addDot0: true });
}

/** float.hex(): '[-]0x1.<13 hex digits>p<exp>', subnormals as 0x0.<digits>p-1022. */
export function floatHex(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  float64[0] = Math.abs(x);
  const hi = float64Words[1];
  const lo = float64Words[0];
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0');
  if (biased === 0) return `${sign}0x0.${fraction}p-1022`;
  const exponent = biased - 1023;
  return `${sign}0x1.${fraction}p${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

/** float.as_integer_ratio(): the exact fraction in lowest terms (VM raises the error values). */
export function floatAsIntegerRatio(x: number): [bigint, bigint] | NumericError {
  if (x !== x) return new NumericError('ValueError', 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) return new NumericError('OverflowError', 'cannot convert Infinity to integer ratio');
  if (x === 0) return [0n, 1n];
  let { mantissa, exponent } = decompose(Math.abs(x));
  while ((mantissa & 1n) === 0n && exponent < 0) { mantissa >>= 1n; exponent++; }
  const numerator = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa;
  const denominator = exponent >= 0 ? 1n : 1n << BigInt(-exponent);
  return [x < 0 ? -numerator : numerator, denominator];
}

/** Result of an operation the VM turns into a Python exception. */
export class NumericError {
  constructor(readonly type: 'ValueError' | 'OverflowError' | 'TypeError', readonly message: string) {}
}

const NDIGITS_MAX = Math.trunc((53 - -1021) * 0.30103);
const NDIGITS_MIN = -Math.trunc((1024 + 1) * 0.30103);

/**
 * float.__round__(ndigits) for an int ndigits: the correctly rounded decimal (half-even on the
 * exact value) read back as a double. OverflowError when that decimal is out of range.
 */
export function roundFloat(x: number, ndigits: number): number | NumericError {
  if (!Number.isFinite(x)) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0.0 * x;
  const { digits, decimalPoint } = fixedDigits(x, ndigits);
  const negative = x < 0 || Object.is(x, -0);
  const text = `${negative ? '-' : ''}0${digits}e${decimalPoint - digits.length}`;
  const rounded = Number(text);
  if (!Number.isFinite(rounded)) return new NumericError('OverflowError', 'rounded value too large to represent');
  return rounded;
}

/** round(x) with no ndigits: an int, ties to even. Errors for inf and nan as CPython's. */
export function roundFloatToInt(x: number): number | bigint | NumericError {
  if (x !== x) return new NumericError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) return new NumericError('OverflowError', 'cannot convert float infinity to integer');
  let rounded = Math.sign(x) * Math.round(Math.abs(x)); // C round(): half away from zero
  if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * (Math.sign(x) * Math.round(Math.abs(x / 2.0)));
  if (Number.isSafeInteger(rounded)) return rounded === 0 ? 0 : rounded;
  return BigInt(rounded);
}

/** int.__round__(ndigits): unchanged for ndigits >= 0, else to a multiple of 10**-ndigits, ties to even. */
export function roundInt(n: bigint, ndigits: number): bigint {
  if (ndigits >= 0) return n;
  const unit = pow10(-ndigits);
  // _PyLong_DivmodNear: the quotient rounded half-to-even, then n - remainder.
  let q = n / unit;
  let r = n - q * unit;
  if (r < 0n) { q -= 1n; r += unit; } // floor division
  const twice = r * 2n;
  if (twice > unit || (twice === unit && (q & 1n) === 1n)) q += 1n;
  return q * unit;
}
