// Debug-adapter benchmark: what debugging costs next to a plain run.
//  1. Run to a breakpoint after ~10 million instructions, with breakpoints set elsewhere (never
//     hit): the bundled adapter over stdio (spawn → stopped event) next to `pyxray run` of the same
//     program (spawn → exit), and the same two in-process (DebugProgram vs runProgram), as ratios.
//  2. One stop's round trip: stackTrace + scopes + variables of a frame with 50 locals, in ms.
//  3. Going back: the adapter keeps no log of the run (stepBack replays from the start), so the
//     history costs no memory per instruction; what it costs is replay time, reported per million
//     instructions, with the heap the adapter process holds before and after a step back.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileSource, MemoryHost, runProgram } from '../../runtime/src/index';
import { DebugProgram } from '../../runtime/src/inspect/index';
import { formatSeconds } from './timing';

const ROOT = [path.join(__dirname, '..'), path.join(__dirname, '..', '..')].find((dir) => fs.existsSync(path.join(dir, 'dist', 'debugAdapter.js')))!;
const ADAPTER = path.join(ROOT, 'dist', 'debugAdapter.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUNS = 5;

/** ~7 instructions per iteration of the loop in `work`. */
function loopProgram(iterations: number): string {
  return `def work(n):
    total = 0
    for i in range(n):
        total += i
    return total


def never_called():
    x = 1
    return x


result = work(${iterations})
print(result)
`;
}
const LOOP_STOP_LINE = 14;
const LOOP_UNHIT_LINES = [9, 10];

function fiftyLocalsProgram(): string {
  const names = Array.from({ length: 50 }, (_, i) => `v${i}`);
  const body = names.map((n, i) => `    ${n} = ${i % 3 === 0 ? `[${i}, ${i + 1}]` : i % 3 === 1 ? `'s${i}'` : `${i} * 1000`}`).join('\n');
  return `def many():\n${body}\n    return v0\n\n\nmany()\n`;
}
const FIFTY_STOP_LINE = 52;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function client(): Promise<DebugClient> {
  const dc = new DebugClient('node', ADAPTER, 'pyxray', undefined, true);
  dc.defaultTimeout = 600_000;
  await dc.start();
  return dc;
}

async function launchToLine(dc: DebugClient, file: string, stopLine: number, otherLines: number[], extra: Record<string, unknown> = {}): Promise<void> {
  const stopped = dc.waitForEvent('stopped', 600_000);
  const configured = dc.waitForEvent('initialized').then(async () => {
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [...otherLines, stopLine].map((line) => ({ line })) });
    await dc.configurationDoneRequest();
  });
  await Promise.all([configured, dc.launch({ program: file, ...extra })]);
  await stopped;
}

/** Instructions the debugger observes before the stop line (counted in-process). */
function instructionsToLine(source: string, file: string, line: number): { count: number; seconds: number } {
  const program = new DebugProgram(compileSource(source, file), new MemoryHost(file, { [file]: source }));
  program.lineBreakpoints = new Map([[line, { condition: null, hitCondition: null, logMessage: null, hits: 0 }]]);
  for (const other of LOOP_UNHIT_LINES) program.lineBreakpoints.set(other, { condition: null, hitCondition: null, logMessage: null, hits: 0 });
  const start = process.hrtime.bigint();
  for (;;) {
    const stop = program.run(1 << 30);
    if (stop.kind !== 'slice') break;
  }
  return { count: program.instructionCount, seconds: since(start) };
}

export async function benchDebugAdapter(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyxray-dap-bench-'));
  try {
    // ---- 1. run to a breakpoint
    const iterations = 1_430_000;
    const loopFile = path.join(dir, 'loop.py');
    const loopSource = loopProgram(iterations);
    fs.writeFileSync(loopFile, loopSource);
    // Alternated, so JIT warm-up and a busy neighbour weigh on both sides alike.
    let inProcessDebug = Infinity;
    let inProcessPlain = Infinity;
    let count = 0;
    const code = compileSource(loopSource, loopFile);
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      runProgram(code, new MemoryHost(loopFile, { [loopFile]: loopSource }));
      inProcessPlain = Math.min(inProcessPlain, since(start));
      const r = instructionsToLine(loopSource, loopFile, LOOP_STOP_LINE);
      inProcessDebug = Math.min(inProcessDebug, r.seconds);
      count = r.count;
    }
    let plainProcess = Infinity;
    let debugProcess = Infinity;
    for (let i = 0; i < RUNS; i++) {
      let start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [CLI, 'run', loopFile], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`pyxray run failed: ${run.stderr}`);
      plainProcess = Math.min(plainProcess, since(start));
      start = process.hrtime.bigint();
      const dc = await client();
      await launchToLine(dc, loopFile, LOOP_STOP_LINE, LOOP_UNHIT_LINES);
      debugProcess = Math.min(debugProcess, since(start));
      await dc.stop();
    }
    console.log(`Debug adapter: run to a breakpoint after ${(count / 1e6).toFixed(2)} M instructions, ${LOOP_UNHIT_LINES.length} other breakpoints never hit (best of ${RUNS})`);
    console.log(`  adapter process (spawn → stopped)   ${formatSeconds(debugProcess).padStart(9)}   pyxray run (spawn → exit) ${formatSeconds(plainProcess).padStart(9)}   ratio ${(debugProcess / plainProcess).toFixed(2)} (target ≤ 1.2)`);
    console.log(`  in-process DebugProgram             ${formatSeconds(inProcessDebug).padStart(9)}   runProgram               ${formatSeconds(inProcessPlain).padStart(9)}   ratio ${(inProcessDebug / inProcessPlain).toFixed(2)}`);

    // ---- 2. one stop's round trip
    const fiftyFile = path.join(dir, 'fifty.py');
    fs.writeFileSync(fiftyFile, fiftyLocalsProgram());
    const dc = await client();
    await launchToLine(dc, fiftyFile, FIFTY_STOP_LINE, []);
    const trips: number[] = [];
    let variableCount = 0;
    for (let i = 0; i < 30; i++) {
      const start = process.hrtime.bigint();
      const trace = await dc.stackTraceRequest({ threadId: 1 });
      const scopes = await dc.scopesRequest({ frameId: trace.body.stackFrames[0].id });
      const locals = scopes.body.scopes.find((s: DebugProtocol.Scope) => s.name === 'Locals')!;
      const variables = await dc.variablesRequest({ variablesReference: locals.variablesReference });
      trips.push(since(start) * 1000);
      variableCount = variables.body.variables.length;
    }
    await dc.stop();
    console.log(`  one stop's round trip (stackTrace + scopes + variables of ${variableCount} locals): median ${median(trips).toFixed(2)} ms, best ${Math.min(...trips).toFixed(2)} ms over ${trips.length} (target < 20 ms)`);

    // ---- 3. going back
    const back = await client();
    await launchToLine(back, loopFile, LOOP_STOP_LINE, LOOP_UNHIT_LINES);
    const heapBefore = await adapterHeap(back);
    const start = process.hrtime.bigint();
    const stopped = back.waitForEvent('stopped', 600_000);
    await back.stepBackRequest({ threadId: 1 });
    await stopped;
    const backSeconds = since(start);
    const heapAfter = await adapterHeap(back);
    await back.stop();
    console.log(`  history: 0 bytes per million instructions (no log; the replay's record is a fixed handful of numbers)`);
    console.log(`  step back from instruction ${(count / 1e6).toFixed(2)} M: ${formatSeconds(backSeconds)} (two replays: ${(backSeconds * 1000 / (2 * count / 1e6)).toFixed(1)} ms per million instructions replayed)${heapBefore !== null && heapAfter !== null ? `; adapter heap ${mb(heapBefore)} → ${mb(heapAfter)}` : ''}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** The adapter process's V8 heap in use (its `pyxray/processMemory` answer), or null if unsupported. */
async function adapterHeap(dc: DebugClient): Promise<number | null> {
  try {
    const response = await dc.customRequest('pyxray/processMemory');
    return (response.body as { heapUsed: number }).heapUsed;
  } catch {
    return null;
  }
}
