// Front-end benchmark: tokenize + parse + symbol tables of a generated 10,000-line file, next to
// CPython's ast.parse + symtable.symtable of the same file, measured in the same run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseModule, buildSymtable } from '../../runtime/src/index';
import { generateSource } from './generateSource';
import { cpythonVersion, runCPythonJson } from './cpython';
import { bestOf, formatSeconds } from './timing';

const RUNS = 5;

export function benchFrontend(): void {
  const source = generateSource(10_000);
  const lines = source.split('\n').length - 1;
  const ours = bestOf(RUNS, () => buildSymtable(parseModule(source, 'bench.py'), 'bench.py'));
  console.log(`front end: ${lines}-line file`);
  console.log(`  pyxray parse + symtable        ${formatSeconds(ours)}`);
  if (!cpythonVersion()) {
    console.log('  CPython 3.11 not found: no ratio');
    return;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pyxray-bench-')), 'bench.py');
  fs.writeFileSync(file, source);
  const theirs = runCPythonJson<number>(
    `import ast, json, symtable, sys, time
src = open(sys.argv[1], encoding="utf-8").read()
best = float("inf")
for _ in range(${RUNS}):
    t = time.perf_counter()
    symtable.symtable(src, "bench.py", "exec") if ast.parse(src, "bench.py") else None
    best = min(best, time.perf_counter() - t)
print(json.dumps(best))`,
    [file],
  );
  console.log(`  CPython ast.parse + symtable   ${formatSeconds(theirs)}`);
  console.log(`  ratio (pyxray / CPython)       ${(ours / theirs).toFixed(2)}x`);
}
