// `pyxray`: the runtime from a terminal. Each subcommand prints what the matching CPython tool
// prints for the same file, so its output can be compared with python3's directly.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { astDumpText, symtableDumpText, disDumpText, normalizeNewlines, PyLimitError, PySyntaxError, compileSource, runProgram } from '../src/index';
import { NodeHost } from './nodeHost';
import { runTracingRefs } from './traceRefs';
import { gcStateView } from '../src/inspect/gcView';
import type { GilHandover } from '../src/threads/scheduler';
import { heap } from '../src/memory/heap';
import { mallocStats } from '../src/memory/obmalloc/stats';

const USAGE = `usage: pyxray <command> FILE [options]

commands:
  run FILE [args...]       run the program as python3 FILE would (exit code, output, tracebacks)
  run --memstats FILE      ... then print the allocator's state at exit to stderr (arenas, pools
                           per size class, blocks, free lists)
  run --trace-refs FILE    ... and after each line of FILE, the names whose object or reference
                           count changed (on stderr; README "Command line")
  run --seed N FILE        ... with thread schedule N (another interleaving of the threads)
  run --gil-log FILE       ... then print the GIL hand-overs to stderr (virtual time, from, to, why)
  ast FILE [--positions]   the AST, as ast.dump(tree, indent=1[, include_attributes=True])
  symtable FILE            every scope and how each name resolves (local, global, free, cell, ...)
  dis FILE                 every code object: header fields and CPython 3.11 bytecode
`;

function readSource(file: string): string {
  return normalizeNewlines(fs.readFileSync(file, 'utf8'));
}

/** `pyxray run FILE [args]`: everything after FILE belongs to the program's sys.argv. */
interface RunFlags {
  memstats: boolean;
  gilLog: boolean;
  seed?: number;
  traceRefs?: boolean;
}

function runCommand(file: string, args: string[], flags: RunFlags = { memstats: false, gilLog: false }): number {
  const memstats = flags.memstats;
  const absolute = path.resolve(file);
  let source: string;
  try {
    source = readSource(absolute);
  } catch (error) {
    process.stderr.write(`pyxray: can't open file '${absolute}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const host = new NodeHost(absolute, args);
  let code;
  try {
    code = compileSource(source, absolute);
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    const { type, msg, lineno, offset, end_offset, text } = error.info;
    let report = `  File "${absolute}", line ${lineno}\n`;
    const line = text ?? source.split('\n')[lineno - 1] ?? '';
    if (line) {
      const stripped = line.replace(/^[ \t\f]+/, '');
      const shift = line.length - stripped.length;
      const width = Math.max(1, (end_offset > offset ? end_offset - offset : 1));
      report += `    ${stripped.replace(/\n$/, '')}\n    ${' '.repeat(Math.max(0, offset - 1 - shift))}${'^'.repeat(width)}\n`;
    }
    process.stderr.write(`${report}${type}: ${msg}\n`);
    return 1;
  }
  const handovers: GilHandover[] = [];
  const exitCode = flags.traceRefs
    ? runTracingRefs(code, host, (text) => process.stderr.write(text))
    : runProgram(code, host, { seed: flags.seed, onHandover: flags.gilLog ? (h) => handovers.push(h) : undefined }).exitCode;
  if (memstats) process.stderr.write(memstatsSummary());
  if (flags.gilLog) process.stderr.write(gilLogText(handovers));
  return exitCode;
}

/** `--gil-log`: one line per GIL hand-over, on the virtual clock (threads/scheduler.ts). */
function gilLogText(log: GilHandover[]): string {
  let out = `\n--- pyxray GIL log: ${log.length} hand-over${log.length === 1 ? '' : 's'} ---\n`;
  out += '  virtual time    from                   to                     reason\n';
  for (const h of log) {
    const at = `${(h.atNs / 1e9).toFixed(6)} s`.padStart(14);
    out += `${at}    ${(h.from?.name ?? '-').padEnd(22)} ${(h.to?.name ?? '-').padEnd(22)} ${HANDOVER_REASONS[h.reason]}\n`;
  }
  return out;
}

const HANDOVER_REASONS: Record<GilHandover['reason'], string> = {
  interval: 'switch interval expired (drop request)',
  blocking: 'blocking call released the GIL',
  finished: 'thread finished',
  start: 'thread started',
};

/** `--memstats`: the obmalloc model's state when the program ended, one block of text. */
function memstatsSummary(): string {
  const s = mallocStats(heap.allocator);
  let out = '\n--- pyxray memstats at exit ---\n';
  out += `arenas: ${s.narenas} current, ${s.ntimesArenaAllocated} allocated in total, highwater ${s.narenasHighwater}\n`;
  out += `objects: ${heap.counters.liveObjects} live, ${heap.counters.allocations} allocated, ${heap.counters.deallocations} freed, ${heap.counters.freeListHits} from free lists\n`;
  out += 'class   size   pools   blocks in use   avail blocks\n';
  for (const k of s.perClass) out += `${String(k.szidx).padStart(5)} ${String(k.size).padStart(6)} ${String(k.pools).padStart(7)} ${String(k.blocksInUse).padStart(15)} ${String(k.availBlocks).padStart(14)}\n`;
  out += `bytes in allocated blocks: ${s.allocatedBytes}, available: ${s.availableBytes}, unused pools: ${s.unusedPools}\n`;
  out += heap.freeLists.debugTypeStats();
  try {
    const gc = gcStateView();
    out += `GC collections per generation: ${gc.stats.map((g, i) => `gen${i} ${g.collections} (collected ${g.collected}, uncollectable ${g.uncollectable})`).join(', ')}; counts now ${gc.generations.map((g) => g.count).join('/')}\n`;
  } catch {
    out += 'GC: no collector state\n';
  }
  return out;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'run') {
    // Options come before FILE; everything after FILE is the program's sys.argv.
    const flags: RunFlags = { memstats: false, gilLog: false };
    let i = 0;
    for (; i < rest.length && rest[i].startsWith('--'); i++) {
      if (rest[i] === '--memstats') flags.memstats = true;
      else if (rest[i] === '--gil-log') flags.gilLog = true;
      else if (rest[i] === '--trace-refs') flags.traceRefs = true;
      else if (rest[i] === '--seed' && i + 1 < rest.length && /^\d+$/.test(rest[i + 1])) flags.seed = Number(rest[++i]);
      else break;
    }
    if (i < rest.length && !rest[i].startsWith('--')) return runCommand(rest[i], rest.slice(i + 1), flags);
  }
  const files = rest.filter((a) => !a.startsWith('--'));
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  if (!command || command === '--help' || command === '-h' || files.length !== 1) {
    process.stderr.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const file = files[0];
  let source: string;
  try {
    source = readSource(file);
  } catch (error) {
    process.stderr.write(`pyxray: can't open file '${file}': ${(error as Error).message}\n`);
    return 2;
  }
  switch (command) {
    case 'ast':
      process.stdout.write(astDumpText(source, file, flags.has('--positions')));
      return 0;
    case 'symtable':
      process.stdout.write(symtableDumpText(source, file));
      return 0;
    case 'dis':
      process.stdout.write(disDumpText(source, file));
      return 0;
    default:
      process.stderr.write(`pyxray: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

/** Input too deep for CPython is a MemoryError or RecursionError there, not a SyntaxError: say so the same way. */
function reportLimit(error: unknown): number {
  // ParserMemoryError is a PyLimitError; like CPython, an exception without message prints its name alone.
  if (error instanceof PyLimitError) process.stderr.write(error.message ? `${error.pythonType}: ${error.message}\n` : `${error.pythonType}\n`);
  else throw error;
  return 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportLimit(error);
}
