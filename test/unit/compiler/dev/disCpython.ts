import { cpythonCode } from '../../../../scripts/dev/cpythonAst';
import { disDumpCode } from '../../../../runtime/src/compiler/disassembler';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
const files = process.argv.slice(2);
let ok = 0;
for (const f of files) {
  const want = execFileSync('python3', ['test/oracle/dis_dump.py', f], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  let got = '';
  try { got = disDumpCode(cpythonCode(f)); } catch (e) { got = String(e); }
  if (got === want) ok++; else { fs.writeFileSync('/tmp/want.txt', want); fs.writeFileSync('/tmp/got.txt', got); console.log('DIFF', f); }
}
console.log(`${ok}/${files.length}`);
