// str.format / str.format_map of CPython 3.11 (Objects/stringlib/unicode_format.h): splitting a
// format string into literal text and replacement fields, parsing field names
// (`0.attr[key][3]`), automatic field numbering, conversions (!r !s !a), nested specs
// (`{0:{1}}`, at most two levels), and the whole rendering loop over a VM-supplied host.
//
// Owns: MarkupIterator (escaped braces end a literal chunk, '[' ... ']' may hold '}' in a field
// name), parse_field, field_name_split / FieldNameIterator with get_integer (Unicode digits),
// the auto-numbering state machine, and every ValueError message of that code.
//
// Invariants: errors come back as `FormatError` values exactly where CPython raises them in its
// left-to-right walk, so a lookup error in an earlier field wins over a syntax error later in the
// string; the host's own exceptions (IndexError, KeyError, AttributeError, errors in __format__)
// propagate as thrown. `iterateFormatString` with `fieldNameSplit` is what
// _string.formatter_parser and _string.formatter_field_name_split expose.

import { FormatError } from './formatSpec';

export interface ReplacementField {
  /** The field name as written ('' for automatic numbering). */
  name: string;
  /** The conversion character, or null when there is none. */
  conversion: string | null;
  /** The format spec as written (may contain nested fields when specNeedsExpanding). */
  spec: string;
  specNeedsExpanding: boolean;
}

export interface FormatChunk {
  literal: string;
  field: ReplacementField | null;
}

/** MarkupIterator: literal chunks and fields, left to right; a FormatError ends the walk. */
export function* iterateFormatString(format: string): Generator<FormatChunk | FormatError> {
  const s = Array.from(format);
  const end = s.length;
  let pos = 0;
  while (pos < end) {
    const start = pos;
    let c = '';
    let markupFollows = false;
    while (pos < end) {
      c = s[pos++];
      if (c === '{' || c === '}') { markupFollows = true; break; }
    }
    const atEnd = pos >= end;
    let length = pos - start;
    if (c === '}' && markupFollows && (atEnd || s[pos] !== c)) {
      yield new FormatError('ValueError', "Single '}' encountered in format string");
      return;
    }
    if (atEnd && c === '{' && markupFollows) {
      yield new FormatError('ValueError', "Single '{' encountered in format string");
      return;
    }
    if (!atEnd && markupFollows) {
      if (s[pos] === c) { pos++; markupFollows = false; } // an escaped brace: keep one in the literal
      else length--;
    }
    const literal = s.slice(start, start + length).join('');
    if (!markupFollows) { yield { literal, field: null }; continue; }
    const parsed = parseField(s, pos);
    if (parsed instanceof FormatError) { yield parsed; return; }
    pos = parsed.next;
    yield { literal, field: parsed.field };
  }
}

/** parse_field: from just after '{' to just after the matching '}'. */
function parseField(s: string[], pos: number): { field: ReplacementField; next: number } | FormatError {
  const end = s.length;
  const nameStart = pos;
  let c = '';
  while (pos < end) {
    c = s[pos++];
    if (c === '{') return new FormatError('ValueError', "unexpected '{' in field name");
    if (c === '[') {
      while (pos < end && s[pos] !== ']') pos++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const name = s.slice(nameStart, pos - 1).join('');
  let conversion: string | null = null;
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (pos >= end) return new FormatError('ValueError', 'end of string while looking for conversion specifier');
      conversion = s[pos++];
      if (pos < end) {
        const after = s[pos++];
        if (after === '}') return { field: { name, conversion, spec: '', specNeedsExpanding: false }, next: pos };
        if (after !== ':') return new FormatError('ValueError', "expected ':' after conversion specifier");
      }
    }
    const specStart = pos;
    let depth = 1;
    let needsExpanding = false;
    while (pos < end) {
      const d = s[pos++];
      if (d === '{') { needsExpanding = true; depth++; }
      else if (d === '}') {
        depth--;
        if (depth === 0) {
          return { field: { name, conversion, spec: s.slice(specStart, pos - 1).join(''), specNeedsExpanding: needsExpanding }, next: pos };
        }
      }
    }
    return new FormatError('ValueError', "unmatched '{' in format spec");
  }
  if (c !== '}') return new FormatError('ValueError', "expected '}' before end of string");
  return { field: { name, conversion, spec: '', specNeedsExpanding: false }, next: pos };
}

// ---------------------------------------------------------------------------------------------
// Field names

export type FieldAccessor = { attribute: string } | { key: string } | { index: number };

export interface FieldName {
  /** The argument: a positional index or a keyword name. */
  first: { index: number } | { keyword: string };
  /** Attribute and item lookups in order; a FormatError, if any, is the last entry (CPython raises it on reaching it). */
  rest: (FieldAccessor | FormatError)[];
}

/** Auto-numbering state shared by all fields of one format call (including nested specs). */
export class AutoNumbering {
  state: 'init' | 'auto' | 'manual' = 'init';
  nextIndex = 0;
}

const DIGIT = /^\p{Nd}$/u;
const PY_SSIZE_T_MAX = 2n ** 63n - 1n;

/** get_integer: the value if every character is a decimal digit (Unicode too), else -1. */
function getInteger(text: string): number | FormatError {
  if (text === '') return -1;
  let value = 0n;
  for (const ch of text) {
    if (!DIGIT.test(ch)) return -1;
    const cp = ch.codePointAt(0)!;
    let zero = cp;
    while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    value = value * 10n + BigInt((cp - zero) % 10);
    if (value > PY_SSIZE_T_MAX) return new FormatError('ValueError', 'Too many decimal digits in format string');
  }
  return Number(value);
}

/** field_name_split plus the FieldNameIterator walk. */
export function fieldNameSplit(name: string, autoNumbering?: AutoNumbering): FieldName | FormatError {
  const s = Array.from(name);
  let i = 0;
  while (i < s.length && s[i] !== '.' && s[i] !== '[') i++;
  const firstText = s.slice(0, i).join('');
  let firstIndex = getInteger(firstText);
  if (firstIndex instanceof FormatError) return firstIndex;
  const isEmpty = firstText === '';
  const numeric = isEmpty || firstIndex !== -1;
  if (autoNumbering) {
    if (autoNumbering.state === 'init' && numeric) autoNumbering.state = isEmpty ? 'auto' : 'manual';
    if (numeric) {
      if (autoNumbering.state === 'manual' && isEmpty) {
        return new FormatError('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      }
      if (autoNumbering.state === 'auto' && !isEmpty) {
        return new FormatError('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      }
    }
    if (isEmpty) firstIndex = autoNumbering.nextIndex++;
  }
  const rest: (FieldAccessor | FormatError)[] = [];
  while (i < s.length) {
    const c = s[i++];
    let text: string;
    if (c === '.') {
      const start = i;
      while (i < s.length && s[i] !== '.' && s[i] !== '[') i++;
      text = s.slice(start, i).join('');
      if (text === '') { rest.push(new FormatError('ValueError', 'Empty attribute in format string')); break; }
      rest.push({ attribute: text });
    } else if (c === '[') {
      const start = i;
      while (i < s.length && s[i] !== ']') i++;
      if (i >= s.length) { rest.push(new FormatError('ValueError', "Missing ']' in format string")); break; }
      text = s.slice(start, i).join('');
      i++; // past ']'
      const index = getInteger(text);
      if (index instanceof FormatError) { rest.push(index); break; }
      if (text === '') { rest.push(new FormatError('ValueError', 'Empty attribute in format string')); break; }
      rest.push(index === -1 ? { key: text } : { index });
    } else {
      rest.push(new FormatError('ValueError', "Only '.' or '[' may follow ']' in format field specifier"));
      break;
    }
  }
  return { first: firstIndex === -1 ? { keyword: firstText } : { index: firstIndex }, rest };
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface StrFormatHost<V> {
  /** args[index]; undefined when out of range (the formatter raises CPython's IndexError text). */
  positional(index: number): V | undefined;
  /** Whether positional arguments exist at all (false for format_map). */
  hasPositional: boolean;
  /** kwargs[name] / mapping[name]; throws the VM's KeyError when missing. */
  keyword(name: string): V;
  getAttribute(obj: V, name: string): V;
  /** obj[key] with a str key, or obj[index] with an int one. */
  getItem(obj: V, key: string | number): V;
  /** repr(obj), str(obj) or ascii(obj) as a Python str object. */
  convert(obj: V, conversion: 'r' | 's' | 'a'): V;
  /** format(obj, spec) */
  format(obj: V, spec: string): string;
}

/** Raised through the host's error channel: IndexError for a missing positional argument. */
export class FormatIndexError {
  constructor(readonly message: string) {}
}

/**
 * str.format(*args, **kwargs) / str.format_map(mapping): the full rendering loop. Returns the
 * string or a FormatError; a missing positional index comes back as FormatIndexError.
 */
export function renderFormatString<V>(format: string, host: StrFormatHost<V>): string | FormatError | FormatIndexError {
  return build(format, host, 2, new AutoNumbering());
}

function build<V>(format: string, host: StrFormatHost<V>, depth: number, numbering: AutoNumbering): string | FormatError | FormatIndexError {
  if (depth <= 0) return new FormatError('ValueError', 'Max string recursion exceeded');
  let out = '';
  for (const chunk of iterateFormatString(format)) {
    if (chunk instanceof FormatError) return chunk;
    out += chunk.literal;
    if (!chunk.field) continue;
    const rendered = renderField(chunk.field, host, depth, numbering);
    if (typeof rendered !== 'string') return rendered;
    out += rendered;
  }
  return out;
}

function renderField<V>(field: ReplacementField, host: StrFormatHost<V>, depth: number, numbering: AutoNumbering): string | FormatError | FormatIndexError {
  const parsed = fieldNameSplit(field.name, numbering);
  if (parsed instanceof FormatError) return parsed;
  let obj: V;
  if ('keyword' in parsed.first) {
    obj = host.keyword(parsed.first.keyword);
  } else {
    if (!host.hasPositional) return new FormatError('ValueError', 'Format string contains positional fields');
    const found = host.positional(parsed.first.index);
    if (found === undefined) return new FormatIndexError(`Replacement index ${parsed.first.index} out of range for positional args tuple`);
    obj = found;
  }
  for (const step of parsed.rest) {
    if (step instanceof FormatError) return step;
    if ('attribute' in step) obj = host.getAttribute(obj, step.attribute);
    else obj = host.getItem(obj, 'key' in step ? step.key : step.index);
  }
  if (field.conversion !== null) {
    const c = field.conversion;
    if (c !== 'r' && c !== 's' && c !== 'a') {
      const cp = c.codePointAt(0)!;
      const shown = cp > 32 && cp < 127 ? c : `\\x${cp.toString(16)}`;
      return new FormatError('ValueError', `Unknown conversion specifier ${shown}`);
    }
    obj = host.convert(obj, c);
  }
  let spec = field.spec;
  if (field.specNeedsExpanding) {
    const expanded = build(spec, host, depth - 1, numbering);
    if (typeof expanded !== 'string') return expanded;
    spec = expanded;
  }
  return host.format(obj, spec);
}
