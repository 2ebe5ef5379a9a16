import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseModule } from '../../../../runtime/src/syntax/parser';
import { PySyntaxError } from '../../../../runtime/src/syntax/errors';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { dumpSymtable } from '../../../../runtime/src/symtable/dump';
import { checkCompileErrors } from '../../../../runtime/src/compiler/earlyErrors';
const root = path.join(__dirname, '../../../golden/expected/symtable');
let pass = 0, fail = 0, parseFail = 0;
function walk(dir: string): string[] { return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]); }
for (const exp of walk(root)) {
  const rel = path.relative(root, exp).replace(/\.txt$/, '.py');
  const src = path.join(path.join(__dirname, '../../..'), rel.replace(/^golden\//, 'golden/').replace(/^corpus\//, 'corpus/'));
  if (!fs.existsSync(src)) { console.log('nosrc', src); continue; }
  const source = fs.readFileSync(src, 'utf8');
  const expected = fs.readFileSync(exp, 'utf8');
  let actual: string; let stage = '';
  try {
    stage = 'parse'; const tree = parseModule(source, src);
    stage = 'sym'; const table = buildSymtable(tree, src);
    stage = 'compile'; checkCompileErrors(tree, table);
    actual = dumpSymtable(table);
  } catch (e) {
    if (e instanceof PySyntaxError) actual = `SyntaxError: ${e.info.msg} (line ${e.info.lineno}, column ${e.info.offset})\n`;
    else actual = 'CRASH ' + (e as Error).message;
  }
  if (actual === expected) pass++;
  else if (stage === "parse") { parseFail++; console.log(`PARSE ${src}\n  exp: ${expected.split("\n")[0]}\n  got: ${actual.split("\n")[0]}`); }
  else { fail++; console.log(`FAIL[${stage}] ${src}\n  exp: ${expected.split('\n')[0]}\n  got: ${actual.split('\n')[0]}`); }
}
console.log({ pass, fail, parseFail });
