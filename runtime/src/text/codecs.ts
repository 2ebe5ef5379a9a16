// The codecs str.encode / bytes.decode know (Python/codecs.c, Objects/unicodeobject.c): utf-8,
// utf-16 and utf-32 (with and without BOM, -le/-be), latin-1 and ascii, with the error handlers
// strict, ignore, replace, backslashreplace, xmlcharrefreplace and surrogatepass, and CPython's
// UnicodeEncodeError / UnicodeDecodeError reasons and positions.
//
// Invariants: pure functions over code points (a JS string's surrogate pairs are one code point,
// a lone surrogate is itself); failures come back as a CodecError describing the exception.

export class CodecError {
  constructor(
    readonly kind: 'LookupError' | 'UnicodeEncodeError' | 'UnicodeDecodeError',
    readonly message: string,
    /** encoding, object (string or bytes), start, end, reason — for the Unicode errors. */
    readonly detail?: { encoding: string; start: number; end: number; reason: string },
  ) {}
}

type Codec = 'utf-8' | 'utf-16' | 'utf-16-le' | 'utf-16-be' | 'utf-32' | 'utf-32-le' | 'utf-32-be' | 'latin-1' | 'ascii';

/** encodings.normalize_encoding + the aliases of the codecs supported here. */
export function lookupCodec(name: string): Codec | null {
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  switch (n) {
    case 'utf_8': case 'utf8': case 'u8': case 'utf': case 'cp65001': return 'utf-8';
    case 'utf_16': case 'utf16': case 'u16': return 'utf-16';
    case 'utf_16_le': case 'utf_16le': return 'utf-16-le';
    case 'utf_16_be': case 'utf_16be': return 'utf-16-be';
    case 'utf_32': case 'utf32': case 'u32': return 'utf-32';
    case 'utf_32_le': case 'utf_32le': return 'utf-32-le';
    case 'utf_32_be': case 'utf_32be': return 'utf-32-be';
    case 'latin_1': case 'latin1': case 'latin': case 'l1': case 'iso_8859_1': case 'iso8859_1': case '8859': case 'cp819': return 'latin-1';
    case 'ascii': case 'us_ascii': case '646': return 'ascii';
  }
  return null;
}

const PYTHON_NAME: Record<Codec, string> = {
  'utf-8': 'utf-8', 'utf-16': 'utf-16', 'utf-16-le': 'utf-16-le', 'utf-16-be': 'utf-16-be', 'utf-32': 'utf-32',
  'utf-32-le': 'utf-32-le', 'utf-32-be': 'utf-32-be', 'latin-1': 'latin-1', ascii: 'ascii',
};

function unknown(name: string): CodecError {
  return new CodecError('LookupError', `unknown encoding: ${name}`);
}

function pushUnit(out: number[], cp: number, codec: Codec): void {
  switch (codec) {
    case 'utf-8':
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      return;
    case 'utf-16': case 'utf-16-le': case 'utf-16-be': {
      const units = cp >= 0x10000 ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
      for (const u of units) {
        if (codec === 'utf-16-be') out.push(u >> 8, u & 255);
        else out.push(u & 255, u >> 8);
      }
      return;
    }
    case 'utf-32': case 'utf-32-le': case 'utf-32-be': {
      const b = [cp & 255, (cp >> 8) & 255, (cp >> 16) & 255, cp >>> 24];
      out.push(...(codec === 'utf-32-be' ? b.reverse() : b));
      return;
    }
    default:
      out.push(cp);
  }
}

function encodable(cp: number, codec: Codec, errors: string): boolean {
  if (codec === 'ascii') return cp < 0x80;
  if (codec === 'latin-1') return cp < 0x100;
  if (cp >= 0xd800 && cp <= 0xdfff) return errors === 'surrogatepass';
  return true;
}

/** str.encode(encoding, errors). */
export function encodeText(text: string, encoding: string, errors: string): Uint8Array | CodecError {
  const codec = lookupCodec(encoding);
  if (codec === null) return unknown(encoding);
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const out: number[] = [];
  if (codec === 'utf-16') out.push(0xff, 0xfe);
  if (codec === 'utf-32') out.push(0xff, 0xfe, 0, 0);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    if (encodable(cp, codec, errors)) {
      pushUnit(out, cp, codec);
      continue;
    }
    let end = i + 1;
    while (end < cps.length && !encodable(cps[end], codec, errors)) end++;
    const reason = codec === 'ascii' ? 'ordinal not in range(128)' : codec === 'latin-1' ? 'ordinal not in range(256)' : 'surrogates not allowed';
    if (codec !== 'ascii' && codec !== 'latin-1') end = i + 1;
    switch (errors) {
      case 'strict': {
        const where = end - i === 1 ? `character '${escapeChar(cp)}' in position ${i}` : `characters in position ${i}-${end - 1}`;
        return new CodecError('UnicodeEncodeError', `'${PYTHON_NAME[codec]}' codec can't encode ${where}: ${reason}`,
          { encoding: PYTHON_NAME[codec], start: i, end, reason });
      }
      case 'ignore': break;
      case 'replace': for (let k = i; k < end; k++) pushUnit(out, 0x3f, codec); break;
      case 'xmlcharrefreplace': for (let k = i; k < end; k++) for (const c of `&#${cps[k]};`) pushUnit(out, c.charCodeAt(0), codec); break;
      case 'backslashreplace': for (let k = i; k < end; k++) for (const c of escapeChar(cps[k])) pushUnit(out, c.charCodeAt(0), codec); break;
      default: return new CodecError('LookupError', `unknown error handler name '${errors}'`);
    }
    i = end - 1;
  }
  return Uint8Array.from(out);
}

function escapeChar(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

interface Step {
  /** The code point decoded, or -1 for an invalid sequence of `length` bytes. */
  cp: number;
  length: number;
  reason?: string;
}

function utf8Step(data: Uint8Array, i: number, surrogatepass: boolean): Step {
  const b0 = data[i];
  if (b0 < 0x80) return { cp: b0, length: 1 };
  let need: number, min: number, cp: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; cp = b0 & 0x1f; min = 0x80; }
  else if (b0 >= 0xe0 && b0 <= 0xef) { need = 2; cp = b0 & 0x0f; min = 0x800; }
  else if (b0 >= 0xf0 && b0 <= 0xf4) { need = 3; cp = b0 & 0x07; min = 0x10000; }
  else return { cp: -1, length: 1, reason: 'invalid start byte' };
  for (let k = 1; k <= need; k++) {
    const b = data[i + k];
    if (b === undefined) return { cp: -1, length: k, reason: 'unexpected end of data' };
    // The second byte's valid range depends on the first (no overlongs, surrogates, > U+10FFFF).
    let lo = 0x80, hi = 0xbf;
    if (k === 1) {
      if (b0 === 0xe0) lo = 0xa0;
      else if (b0 === 0xed && !surrogatepass) hi = 0x9f;
      else if (b0 === 0xf0) lo = 0x90;
      else if (b0 === 0xf4) hi = 0x8f;
    }
    if (b < lo || b > hi) return { cp: -1, length: k, reason: 'invalid continuation byte' };
    cp = (cp << 6) | (b & 0x3f);
  }
  void min;
  return { cp, length: need + 1 };
}

/** bytes.decode(encoding, errors). */
export function decodeBytes(data: Uint8Array, encoding: string, errors: string): string | CodecError {
  const codec = lookupCodec(encoding);
  if (codec === null) return unknown(encoding);
  if (!['strict', 'ignore', 'replace', 'backslashreplace', 'surrogatepass', 'surrogateescape'].includes(errors)) {
    return new CodecError('LookupError', `unknown error handler name '${errors}'`);
  }
  let out = '';
  let i = 0;
  let order: 'le' | 'be' = codec.endsWith('be') ? 'be' : 'le';
  if (codec === 'utf-16' && data.length >= 2) {
    if (data[0] === 0xff && data[1] === 0xfe) i = 2;
    else if (data[0] === 0xfe && data[1] === 0xff) { i = 2; order = 'be'; }
  }
  if (codec === 'utf-32' && data.length >= 4) {
    if (data[0] === 0xff && data[1] === 0xfe && data[2] === 0 && data[3] === 0) i = 4;
    else if (data[0] === 0 && data[1] === 0 && data[2] === 0xfe && data[3] === 0xff) { i = 4; order = 'be'; }
  }
  while (i < data.length) {
    let step: Step;
    switch (codec) {
      case 'utf-8': step = utf8Step(data, i, errors === 'surrogatepass'); break;
      case 'latin-1': step = { cp: data[i], length: 1 }; break;
      case 'ascii': step = data[i] < 0x80 ? { cp: data[i], length: 1 } : { cp: -1, length: 1, reason: 'ordinal not in range(128)' }; break;
      case 'utf-16': case 'utf-16-le': case 'utf-16-be': {
        if (i + 1 >= data.length) { step = { cp: -1, length: data.length - i, reason: 'truncated data' }; break; }
        const unit = (k: number) => (order === 'le' ? data[k] | (data[k + 1] << 8) : (data[k] << 8) | data[k + 1]);
        const u = unit(i);
        if (u >= 0xd800 && u <= 0xdbff) {
          if (i + 3 >= data.length) { step = { cp: -1, length: data.length - i, reason: 'unexpected end of data' }; break; }
          const v = unit(i + 2);
          step = v >= 0xdc00 && v <= 0xdfff ? { cp: 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00), length: 4 } : { cp: -1, length: 2, reason: 'illegal UTF-16 surrogate' };
        } else if (u >= 0xdc00 && u <= 0xdfff) step = { cp: -1, length: 2, reason: 'illegal encoding' };
        else step = { cp: u, length: 2 };
        break;
      }
      default: {
        if (i + 3 >= data.length) { step = { cp: -1, length: data.length - i, reason: 'truncated data' }; break; }
        const b = data.subarray(i, i + 4);
        const cp = order === 'le' ? (b[0] | (b[1] << 8) | (b[2] << 16)) + b[3] * 2 ** 24 : (b[3] | (b[2] << 8) | (b[1] << 16)) + b[0] * 2 ** 24;
        step = cp > 0x10ffff ? { cp: -1, length: 4, reason: 'code point not in range(0x110000)' } : { cp, length: 4 };
      }
    }
    if (step.cp >= 0) {
      out += String.fromCodePoint(step.cp);
      i += step.length;
      continue;
    }
    switch (errors) {
      case 'strict': case 'surrogatepass': {
        const end = i + step.length;
        const where = step.length === 1 ? `byte 0x${data[i].toString(16).padStart(2, '0')} in position ${i}` : `bytes in position ${i}-${end - 1}`;
        return new CodecError('UnicodeDecodeError', `'${PYTHON_NAME[codec]}' codec can't decode ${where}: ${step.reason}`,
          { encoding: PYTHON_NAME[codec], start: i, end, reason: step.reason! });
      }
      case 'ignore': break;
      case 'replace': out += '\ufffd'; break;
      case 'surrogateescape': for (let k = i; k < i + step.length; k++) out += String.fromCharCode(0xdc00 + data[k]); break;
      default: for (let k = i; k < i + step.length; k++) out += '\\x' + data[k].toString(16).padStart(2, '0');
    }
    i += step.length;
  }
  return out;
}
