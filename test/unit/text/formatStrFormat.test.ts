import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iterateFormatString, fieldNameSplit, renderFormatString, FormatIndexError, type StrFormatHost } from '../../../runtime/src/text/formatStrFormat';
import { FormatError, formatInt, formatFloat, formatStr } from '../../../runtime/src/text/formatSpec';
import { floatRepr } from '../../../runtime/src/text/formatFloat';
import { reprStr } from '../../../runtime/src/text/repr';

// Expected values: CPython 3.11's _string.formatter_parser, _string.formatter_field_name_split
// and str.format / str.format_map (scripts/gen-format-fixtures.py).
const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'strformat.json'), 'utf8')).cases;

class PyError {
  constructor(readonly type: string, readonly message: string) {}
}

type Value = number | string | Value[] | { [key: string]: Value };

function repr(v: Value): string {
  if (typeof v === 'string') return reprStr(v);
  return str(v);
}
function str(v: Value): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatRepr(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return '[' + v.map(repr).join(', ') + ']';
  return '{' + Object.entries(v).map(([k, x]) => `${reprStr(k)}: ${repr(x)}`).join(', ') + '}';
}
function ascii(v: Value): string {
  return Array.from(repr(v)).map((ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) return ch;
    if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
    if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
    return '\\U' + cp.toString(16).padStart(8, '0');
  }).join('');
}
const typeName = (v: Value) => typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v === 'string' ? 'str' : Array.isArray(v) ? 'list' : 'dict';

function makeHost(args: Value[] | null, kwargs: { [key: string]: Value }): StrFormatHost<Value> {
  return {
    hasPositional: args !== null,
    positional: (i) => (args && i < args.length ? args[i] : undefined),
    keyword(name) {
      if (!(name in kwargs)) throw new PyError('KeyError', reprStr(name));
      return kwargs[name];
    },
    getAttribute(obj, name) {
      if (typeof obj === 'number' && name === 'real') return obj;
      throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
    },
    getItem(obj, key) {
      if (Array.isArray(obj)) {
        if (typeof key !== 'number') throw new PyError('TypeError', 'list indices must be integers or slices, not str');
        if (key >= obj.length) throw new PyError('IndexError', 'list index out of range');
        return obj[key];
      }
      if (typeof obj === 'object' && typeof key === 'string' && key in obj) return obj[key];
      if (typeof obj === 'object') throw new PyError('KeyError', typeof key === 'string' ? reprStr(key) : String(key));
      throw new PyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
    },
    convert(obj, c) { return c === 'r' ? repr(obj) : c === 's' ? str(obj) : ascii(obj); },
    format(obj, spec) {
      let r: string | FormatError;
      if (typeof obj === 'number') r = Number.isInteger(obj) ? formatInt(obj, spec) : formatFloat(obj, spec);
      else if (typeof obj === 'string') r = formatStr(obj, spec);
      else if (spec === '') r = str(obj);
      else throw new PyError('TypeError', `unsupported format string passed to ${typeName(obj)}.__format__`);
      if (r instanceof FormatError) throw new PyError(r.type, r.message);
      return r;
    },
  };
}

function outcomeOf(run: () => string | FormatError | FormatIndexError): unknown {
  try {
    const r = run();
    if (r instanceof FormatError) return { error: r.type, message: r.message };
    if (r instanceof FormatIndexError) return { error: 'IndexError', message: r.message };
    return { ok: r };
  } catch (e) {
    if (e instanceof PyError) return { error: e.type, message: e.message };
    throw e;
  }
}

describe('str.format as CPython 3.11', () => {
  it(`splits format strings like _string.formatter_parser (${fixtures.markup.length})`, () => {
    const mismatches: string[] = [];
    for (const [text, expected] of fixtures.markup) {
      const items: unknown[] = [];
      let error: FormatError | undefined;
      for (const chunk of iterateFormatString(text)) {
        if (chunk instanceof FormatError) { error = chunk; break; }
        const f = chunk.field;
        items.push([chunk.literal, f ? f.name : null, f ? f.spec : null, f ? f.conversion : null]);
      }
      const actual = error ? { items, error: error.type, message: error.message } : { items };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(text)}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
    assert.equal(mismatches.length, 0, mismatches.slice(0, 20).join('\n'));
  });
  it(`splits field names like _string.formatter_field_name_split (${fixtures.fieldNames.length})`, () => {
    const mismatches: string[] = [];
    for (const [name, expected] of fixtures.fieldNames) {
      const r = fieldNameSplit(name);
      let actual: unknown;
      if (r instanceof FormatError) actual = { error: r.type, message: r.message };
      else {
        const items: unknown[] = [];
        let error: FormatError | undefined;
        for (const step of r.rest) {
          if (step instanceof FormatError) { error = step; break; }
          items.push('attribute' in step ? [true, step.attribute] : [false, 'key' in step ? step.key : step.index]);
        }
        const rest = error ? { items, error: error.type, message: error.message } : { items };
        actual = { first: 'index' in r.first ? r.first.index : r.first.keyword, rest };
      }
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(name)}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
    assert.equal(mismatches.length, 0, mismatches.slice(0, 20).join('\n'));
  });
  it(`renders str.format(*args, **kwargs) and format_map (${fixtures.calls.length + fixtures.formatMap.length})`, () => {
    const mismatches: string[] = [];
    const check = (text: string, expected: unknown, host: StrFormatHost<Value>) => {
      const actual = outcomeOf(() => renderFormatString(text, host));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(text)}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    };
    for (const [text, expected] of fixtures.calls) check(text, expected, makeHost(fixtures.args, fixtures.kwargs));
    for (const [text, expected] of fixtures.formatMap) check(text, expected, makeHost(null, fixtures.kwargs));
    assert.equal(mismatches.length, 0, `${mismatches.length} differ\n` + mismatches.slice(0, 20).join('\n'));
  });
});
