// Development aid (needs python3 3.11; never used by tests): random sources aimed at the lexical
// layer — indentation with tabs and form feeds, brackets, continuations, string prefixes and
// quotes, f-string fields, number shapes, non-ASCII — parsed by CPython's ast.parse and by ours.
// Prints every distinct disagreement (message or position) and a count.
//   npx tsx scripts/dev/fuzzLexer.ts [seed] [count]
import { execFileSync } from 'node:child_process';
import { parseModule } from '../../runtime/src/syntax/parser';
import { PySyntaxError } from '../../runtime/src/syntax/errors';

let state = Number(process.argv[2] ?? 1) * 7919 + 17;
const count = Number(process.argv[3] ?? 3000);
function random(): number {
  state = (state * 1103515245 + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const FRAGMENTS = ['x', 'y1', 'é', 'ﬁ', '€', '\u00a0', ' ', '  ', '\t', '\f', '(', ')', '[', ']', '{', '}', ',', ':', '=', '+',
  '.', '...', '\\', '\\\n', '\n', '\n', '#c', "'", '"', "'''", '"""', "'a'", "f'{x}'", "b'x'", "rb'\\q'", 'u"\\N{DIGIT ONE}"',
  '0', '1', '0x', '0o7', '0b1', '1_0', '_', '1e', '1.5', '.5', 'j', 'if', 'else', 'for', 'or', 'in', 'not', 'def f():', 'pass',
  '\r\n', '$', '!', '<>', '->', ':=', '\x01', '😀', 'a\u200b'];
const INDENTS = ['', '', ' ', '  ', '    ', '\t', '\t\t', '  \t', '\t  ', '        ', '\f', ' \f ', '\f\t'];
const STATEMENTS = ['if x:', 'else:', 'def f(a):', 'pass', 'x = 1', 'x = (1,', '2)', '#c', '', '  ', 'y = [', ']', '\\',
  'x = 1 \\', "s = '''a", "b'''", 'return x', 'x = f"{a!r:>{w}}"', "x = f'{a:{b:{c}}}'", "x = f'{a['", "t = 'a\\",
  'x = 1if y else 2', "x = 'é' 'ü'", 'x = ((((', '))))', 'é = 1', "x = b'é'", 'x = 0777', 'x = 1_'];
const FIELD_PARTS = ['a', 'b.c', '1', ' ', '\n', '!r', '!x', '!', ':', '=', '!=', '<', '{', '}', '{{', '}}', '(', ')', '[', ']',
  "'", '"', '"s"', '#', '\\', '\\N{DIGIT ONE}', 'é', ':>{w}', 'lambda: 1', 'a, b', '\\{', 'f"{x}"', '\\x4'];

function fragmentSource(): string {
  let s = '';
  const n = 1 + Math.floor(random() * 14);
  for (let i = 0; i < n; i++) s += pick(FRAGMENTS);
  return s;
}

function indentedSource(): string {
  let s = '';
  const lines = 1 + Math.floor(random() * 7);
  for (let i = 0; i < lines; i++) {
    s += pick(INDENTS) + pick(STATEMENTS) + (random() < 0.1 ? '  # t' : '') + (i < lines - 1 || random() < 0.7 ? '\n' : '');
  }
  return s;
}

function fstringSource(): string {
  const quote = pick(["'", '"', "'''", '"""']);
  let body = '';
  const n = Math.floor(random() * 8);
  for (let i = 0; i < n; i++) body += pick(FIELD_PARTS);
  const head = pick(['x = ', 'print(', 'x = (1,\n  ', 'é = ']);
  let s = head + pick(['f', 'F', 'rf', 'f', 'u', '', 'b']) + quote + body + quote;
  if (random() < 0.3) s += " f'z{a}'";
  if (head.includes('(')) s += ')';
  return s + (random() < 0.8 ? '\n' : '');
}

const sources: string[] = [];
for (let i = 0; i < count; i++) sources.push(pick([fragmentSource, indentedSource, fstringSource])());

const ORACLE = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
out = []
for s in json.load(sys.stdin):
    try:
        ast.parse(s); out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset])
    except ValueError as e:
        out.append(["ValueError", str(e)])
print(json.dumps(out))
`;
const expected = JSON.parse(execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(sources), maxBuffer: 1 << 26 }).toString()) as unknown[];

let same = 0;
const reported = new Set<string>();
sources.forEach((source, i) => {
  let ours: unknown = null;
  try {
    parseModule(source);
  } catch (error) {
    ours = error instanceof PySyntaxError
      ? [error.info.type, error.info.msg, error.info.lineno, error.info.offset, error.info.end_lineno, error.info.end_offset]
      : ['CRASH', String(error)];
  }
  if (JSON.stringify(ours) === JSON.stringify(expected[i])) {
    same++;
    return;
  }
  const key = JSON.stringify([(expected[i] as unknown[] | null)?.[1], (ours as unknown[] | null)?.[1]]);
  if (reported.has(key)) return;
  reported.add(key);
  console.log(JSON.stringify(source), '\n  cpython', JSON.stringify(expected[i]), '\n  ours   ', JSON.stringify(ours));
});
console.log(`${same}/${sources.length} identical`);
