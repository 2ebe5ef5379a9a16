// The format-spec mini-language (Python/formatter_unicode.c) for int, float and str:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].

import { newException, ValueError } from './exceptions';
import { reprFloat } from '../text/repr';
import type { IntValue } from './int';

export interface FormatSpec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number;
  type: string;
}

export function parseSpec(spec: string): FormatSpec {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/s.exec(spec);
  if (m === null) throw newException(ValueError, 'Invalid format specifier');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : ''),
    sign: m[3] ?? '-',
    alt: m[5] !== undefined,
    zero: m[6] !== undefined,
    width: m[7] !== undefined ? Number(m[7]) : -1,
    grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : -1,
    type: m[10] ?? '',
  };
}

function group(digits: string, sep: string, every = 3): string {
  if (!sep) return digits;
  let out = '';
  for (let i = digits.length; i > 0; i -= every) out = digits.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return out;
}

function pad(body: string, sign: string, spec: FormatSpec, defaultAlign: string): string {
  const width = spec.width;
  const total = sign.length + body.length;
  if (width <= total) return sign + body;
  const n = width - total;
  const align = spec.align || defaultAlign;
  const fill = spec.fill;
  switch (align) {
    case '<': return sign + body + fill.repeat(n);
    case '^': return fill.repeat(Math.floor(n / 2)) + sign + body + fill.repeat(n - Math.floor(n / 2));
    case '=': return sign + fill.repeat(n) + body;
    default: return fill.repeat(n) + sign + body;
  }
}

export function formatStr(s: string, specText: string): string {
  if (specText === '') return s;
  const spec = parseSpec(specText);
  if (spec.type !== '' && spec.type !== 's') throw newException(ValueError, `Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign !== '-' && specText.includes(spec.sign)) throw newException(ValueError, 'Sign not allowed in string format specifier');
  if (spec.align === '=') throw newException(ValueError, "'=' alignment not allowed in string format specifier");
  if (spec.precision >= 0) s = s.slice(0, spec.precision);
  return pad(s, '', spec, '<');
}

export function formatInt(v: IntValue, specText: string): string {
  const spec = parseSpec(specText);
  let t = spec.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(Number(v), specText);
  if (spec.precision >= 0) throw newException(ValueError, 'Precision not allowed in integer format specifier');
  const neg = v < 0;
  const abs = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string;
  let prefix = '';
  switch (t) {
    case 'b': digits = abs.toString(2); prefix = spec.alt ? '0b' : ''; break;
    case 'o': digits = abs.toString(8); prefix = spec.alt ? '0o' : ''; break;
    case 'x': digits = abs.toString(16); prefix = spec.alt ? '0x' : ''; break;
    case 'X': digits = abs.toString(16).toUpperCase(); prefix = spec.alt ? '0X' : ''; break;
    case 'c': return pad(String.fromCodePoint(Number(v)), '', spec, '<');
    case '': case 'd': case 'n': digits = abs.toString(); t = 'd'; break;
    default: throw newException(ValueError, `Unknown format code '${t}' for object of type 'int'`);
  }
  if (spec.grouping) digits = group(digits, spec.grouping, t === 'd' ? 3 : 4);
  const sign = neg ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  if (spec.zero && spec.align === '=' && spec.grouping && spec.width > 0) {
    // Zero padding participates in grouping, like CPython.
    const raw = digits.replace(/[,_]/g, '');
    let width = spec.width - sign.length - prefix.length;
    let padded = raw;
    while (group(padded, spec.grouping).length < width) padded = '0' + padded;
    return sign + prefix + group(padded, spec.grouping);
  }
  return pad(prefix + digits, sign, spec, '>').replace(/^(\s*[-+ ]?)(.*)$/s, (_m, a: string, b: string) => {
    if (spec.align === '=' && prefix) return a + prefix + b.slice(0, b.length - prefix.length - digits.length).replace(new RegExp(prefix, 'g'), '') + digits;
    return a + b;
  });
}

function trimFloat(s: string): string {
  if (!s.includes('.')) return s;
  const [mant, exp] = s.split('e');
  let m = mant.replace(/0+$/, '').replace(/\.$/, '');
  return exp !== undefined ? `${m}e${exp}` : m;
}

function expForm(x: number, prec: number, upper: boolean): string {
  let s = x.toExponential(prec);
  s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

/** 'g' formatting with precision p (CPython's rules: exponent if exp < -4 or exp >= p). */
function generalForm(x: number, p: number, alt: boolean, upper: boolean): string {
  if (p === 0) p = 1;
  if (x === 0) return alt ? (0).toFixed(p - 1) : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toExponential(p - 1)))));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = expForm(x, p - 1, upper);
    if (!alt) s = trimFloat(s);
  } else {
    s = x.toFixed(Math.max(0, p - 1 - exp));
    if (!alt) s = trimFloat(s);
  }
  return s;
}

export function formatFloat(x: number, specText: string): string {
  const spec = parseSpec(specText);
  const t = spec.type;
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (t === 'F' || t === 'E' || t === 'G') body = body.toUpperCase();
  } else {
    switch (t) {
      case 'f': case 'F': body = a.toFixed(spec.precision < 0 ? 6 : spec.precision); if (spec.alt && !body.includes('.')) body += '.'; break;
      case 'e': case 'E': body = expForm(a, spec.precision < 0 ? 6 : spec.precision, t === 'E'); break;
      case '%': body = (a * 100).toFixed(spec.precision < 0 ? 6 : spec.precision) + '%'; break;
      case 'g': case 'G': body = generalForm(a, spec.precision < 0 ? 6 : spec.precision, spec.alt, t === 'G'); break;
      case 'n': body = generalForm(a, spec.precision < 0 ? 6 : spec.precision, spec.alt, false); break;
      case '':
        if (spec.precision < 0) body = reprFloat(a);
        else {
          body = generalForm(a, spec.precision, spec.alt, false);
          if (!/[.e]/.test(body) && !body.includes('inf')) body = body; // CPython keeps '1' for format(1.0, '.0')... approximated
        }
        break;
      default: throw newException(ValueError, `Unknown format code '${t}' for object of type 'float'`);
    }
  }
  if (spec.grouping) {
    const m = /^(\d+)(.*)$/s.exec(body);
    if (m) body = group(m[1], spec.grouping) + m[2];
  }
  const sign = neg && !(x === 0 && !Object.is(x, -0)) ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  return pad(body, sign, spec, '>');
}
