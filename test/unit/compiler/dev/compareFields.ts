// Development aid: compile files with our compiler (CPython's AST) and compare every code object
// with CPython's field by field (co_code with caches, linetable, exception table, stacksize...).
// usage: npx tsx test/unit/compiler/dev/compareFields.ts [-v] FILE...
import { cpythonAst, cpythonCode } from '../../../../scripts/dev/cpythonAst';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { compileModule } from '../../../../runtime/src/compiler/compile';
import { isCodeObject } from '../../../../runtime/src/compiler/constRepr';
import { decodeLineTable } from '../../../../runtime/src/compiler/linetable';
import { getInstructions } from '../../../../runtime/src/compiler/disassembler';
import type { CodeObject } from '../../../../runtime/src/compiler/codeObject';

const verbose = process.argv[2] === '-v';
const files = process.argv.slice(verbose ? 3 : 2);
let same = 0;
let total = 0;
const bad: Record<string, number> = {};
const FIELDS = ['co_code', 'co_linetable', 'co_exceptiontable', 'co_stacksize', 'co_flags', 'co_names', 'co_localsplusnames', 'co_localspluskinds', 'co_argcount', 'co_nlocals'] as const;

function show(co: CodeObject): string[] {
  const entries = decodeLineTable(co.co_linetable, co.co_firstlineno);
  const ins = getInstructions(co);
  return ins.map((i) => {
    const e = entries.find((x) => x.start <= i.offset && i.offset < x.end);
    return `${i.offset} ${i.opname} ${e ? `${e.lineno},${e.end_lineno},${e.col_offset},${e.end_col_offset}` : '-'}`;
  });
}

function cmp(a: CodeObject, b: CodeObject, file: string) {
  total++;
  let ok = true;
  for (const k of FIELDS) {
    const x = JSON.stringify(typeof a[k] === 'number' ? a[k] : Array.from(a[k] as ArrayLike<unknown>));
    const y = JSON.stringify(typeof b[k] === 'number' ? b[k] : Array.from(b[k] as ArrayLike<unknown>));
    if (x !== y) {
      ok = false;
      bad[k] = (bad[k] ?? 0) + 1;
      if (verbose) {
        console.log(`${file} ${a.co_qualname}: ${k} differs`);
        if (k === 'co_linetable') {
          const sa = show(a);
          const sb = show(b);
          for (let i = 0; i < Math.max(sa.length, sb.length); i++) if (sa[i] !== sb[i]) console.log(`   ours ${sa[i]}   cpython ${sb[i]}`);
        }
      }
    }
  }
  if (ok) same++;
  const ca = a.co_consts.filter(isCodeObject);
  const cb = b.co_consts.filter(isCodeObject);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) cmp(ca[i], cb[i], file);
}

for (const f of files) {
  try {
    const t = cpythonAst(f);
    cmp(compileModule(t, buildSymtable(t, f), f), cpythonCode(f), f);
  } catch (e) {
    if (verbose) console.log(`${f}: ${(e as Error).message.split('\n')[0]}`);
  }
}
console.log(`code objects identical field by field: ${same}/${total}`, bad);
