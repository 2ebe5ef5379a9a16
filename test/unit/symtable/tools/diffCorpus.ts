// Development aid (needs python3 3.11): compare our symtable dump with the oracle for files,
// using CPython's own trees so the symtable can be checked independently of our parser.
// usage: npx tsx test/unit/symtable/tools/diffCorpus.ts [--ours-parser] FILE...
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cpythonAst } from '../../../../scripts/dev/cpythonAst';
import { PySyntaxError } from '../../../../runtime/src/syntax/errors';
import { buildSymtable } from '../../../../runtime/src/symtable/symtable';
import { dumpSymtable } from '../../../../runtime/src/symtable/dump';
import { checkCompileErrors } from '../../../../runtime/src/compiler/earlyErrors';

const oracle = path.join(__dirname, '../../../oracle/symtable_dump.py');
let pass = 0;
let skipped = 0;
const failures: string[] = [];
const args = process.argv.slice(2);
const verbose = args.includes('-v');
for (const file of args.filter((a) => !a.startsWith('-'))) {
  const expected = execFileSync('python3', [oracle, file], { encoding: 'utf8' });
  let actual: string;
  let tree;
  try {
    tree = cpythonAst(file);
  } catch {
    skipped++; // CPython's parser rejects it: not the symbol table's business
    continue;
  }
  try {
    const table = buildSymtable(tree, file);
    checkCompileErrors(tree, table);
    actual = dumpSymtable(table);
  } catch (error) {
    if (error instanceof PySyntaxError) actual = `SyntaxError: ${error.info.msg} (line ${error.info.lineno}, column ${error.info.offset})\n`;
    else actual = `CRASH ${(error as Error).stack}`;
  }
  if (actual === expected) pass++;
  else {
    failures.push(file);
    if (verbose) {
      fs.writeFileSync('/tmp/st_expected.txt', expected);
      fs.writeFileSync('/tmp/st_actual.txt', actual);
      try {
        execFileSync('diff', ['/tmp/st_expected.txt', '/tmp/st_actual.txt'], { encoding: 'utf8' });
      } catch (e) {
        console.log(`--- ${file}\n${((e as { stdout: string }).stdout).slice(0, 3000)}`);
      }
    }
  }
}
console.log(`pass ${pass}/${pass + failures.length} (skipped ${skipped} that CPython cannot parse)`);
for (const f of failures) console.log(`FAIL ${f}`);
