// VM benchmark: every program in test/bench/programs under our compiler + VM and under CPython,
// timed in-process in the same run (compile and interpreter start-up excluded, reported apart),
// each program's output checked against CPython's so a fast wrong answer cannot count. Both
// sides import what a program imports in every run (pyxray's interpreter is fresh each time).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource, MemoryHost, runProgram } from '../../runtime/src/index';
import { cpythonVersion, runCPythonJson } from './cpython';
import { formatSeconds, geometricMean } from './timing';

// Next to this file under tsx; from dist/ when run as the bundle.
const PROGRAMS = [path.join(__dirname, 'programs'), path.join(__dirname, '..', 'test', 'bench', 'programs')].find((dir) => fs.existsSync(dir))!;
const RUNS = 3;

interface CPythonTiming {
  seconds: number;
  output: string;
}

function timeCPython(file: string): CPythonTiming {
  return runCPythonJson<CPythonTiming>(
    `import contextlib, io, json, sys, time
src = open(sys.argv[1], encoding="utf-8").read()
code = compile(src, sys.argv[1], "exec")
best, out = float("inf"), ""
# Each pyxray run starts a fresh interpreter that imports what the program imports; so does
# each run here: modules the previous run imported are forgotten (their .pyc stay cached).
preloaded = set(sys.modules)
for _ in range(${RUNS}):
    for name in set(sys.modules) - preloaded:
        del sys.modules[name]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        t = time.perf_counter()
        exec(code, {"__name__": "__main__"})
        best = min(best, time.perf_counter() - t)
    out = buf.getvalue()
print(json.dumps({"seconds": best, "output": out}))`,
    [file],
  );
}

export function benchVm(): void {
  const files = fs.readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).sort();
  const withCPython = cpythonVersion() !== null;
  console.log(`VM: test/bench/programs, best of ${RUNS} in-process runs (refcounting on)`);
  const ratios: number[] = [];
  for (const name of files) {
    const file = path.join(PROGRAMS, name);
    const source = fs.readFileSync(file, 'utf8');
    const compileStart = process.hrtime.bigint();
    const code = compileSource(source, file);
    const compileSeconds = Number(process.hrtime.bigint() - compileStart) / 1e9;
    let best = Infinity;
    let output = '';
    for (let i = 0; i < RUNS; i++) {
      const host = new MemoryHost(file, { [file]: source });
      const start = process.hrtime.bigint();
      runProgram(code, host);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
      output = host.output;
    }
    let line = `  ${name.padEnd(16)} pyxray ${formatSeconds(best).padStart(9)} (compile ${formatSeconds(compileSeconds)})`;
    if (withCPython) {
      const theirs = timeCPython(file);
      const same = theirs.output === output;
      const ratio = best / theirs.seconds;
      if (same) ratios.push(ratio);
      line += `   CPython ${formatSeconds(theirs.seconds).padStart(9)}   ratio ${ratio.toFixed(2)}x${same ? '' : '   OUTPUT DIFFERS (not counted)'}`;
    }
    console.log(line);
  }
  if (ratios.length > 0) console.log(`  geometric mean of ratios (pyxray / CPython): ${geometricMean(ratios).toFixed(2)}x over ${ratios.length} programs`);
}
