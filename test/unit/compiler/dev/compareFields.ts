import { cpythonCode, cpythonAst } from '../../../../scripts/dev/cpythonAst';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { compileModule } from '../../../../runtime/src/compiler/compile';
import { isCodeObject } from '../../../../runtime/src/compiler/constRepr';
let same = 0, total = 0; const bad: Record<string, number> = {};
function cmp(a: any, b: any) {
  total++;
  let ok = true;
  for (const k of ['co_code', 'co_linetable', 'co_exceptiontable', 'co_stacksize', 'co_flags', 'co_names', 'co_localsplusnames', 'co_localspluskinds']) {
    const x = JSON.stringify(Array.from(a[k] as any ?? [a[k]])), y = JSON.stringify(Array.from(b[k] as any ?? [b[k]]));
    if (typeof a[k] === 'number' ? a[k] !== b[k] : x !== y) { ok = false; bad[k] = (bad[k] ?? 0) + 1; }
  }
  if (ok) same++;
  const ca = a.co_consts.filter(isCodeObject), cb = b.co_consts.filter(isCodeObject);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) cmp(ca[i], cb[i]);
}
for (const f of process.argv.slice(2)) {
  try { const t = cpythonAst(f); cmp(compileModule(t, buildSymtable(t, f), f), cpythonCode(f)); } catch { }
}
console.log(`code objects identical field by field: ${same}/${total}`, bad);
