// Development aid: compile files with our compiler (CPython's AST, our symbol table) and compare
// the dis_dump text with CPython's. usage: npx tsx test/unit/compiler/dev/compareDis.ts FILE...
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpythonAst } from '../../../../scripts/dev/cpythonAst';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { compileModule } from '../../../../runtime/src/compiler/compile';
import { disDumpCode } from '../../../../runtime/src/compiler/disassembler';

const files = process.argv.slice(2);
let ok = 0;
const failures: string[] = [];
for (const f of files) {
  const want = execFileSync('python3', ['test/oracle/dis_dump.py', f], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  let got = '';
  try {
    const tree = cpythonAst(f);
    got = disDumpCode(compileModule(tree, buildSymtable(tree, f), f));
  } catch (e) {
    got = String((e as Error).stack ?? e);
  }
  if (got === want) ok++;
  else {
    failures.push(f);
    const base = '/tmp/cmp/' + f.replace(/\//g, '_');
    fs.mkdirSync('/tmp/cmp', { recursive: true });
    fs.writeFileSync(base + '.want', want);
    fs.writeFileSync(base + '.got', got);
  }
}
for (const f of failures) console.log('DIFF', f);
console.log(`dis: ${ok}/${files.length} identical to CPython`);
