import { cpythonCode, cpythonAst } from '../../../../scripts/dev/cpythonAst';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { compileModule } from '../../../../runtime/src/compiler/compile';
const f = process.argv[2];
const t = cpythonAst(f);
const a: any = compileModule(t, buildSymtable(t, f), f), b: any = cpythonCode(f);
console.log(Array.from(a.co_consts[0].co_linetable).join(','));
console.log(Array.from(b.co_consts[0].co_linetable).join(','));
