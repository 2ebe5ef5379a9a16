// Shared helpers for the DAP tests: a DebugClient on the bundled adapter (dist/debugAdapter.js, the
// file the .vsix ships), the fixtures, and CPython's expected values (fixtures/expected.json,
// written by generate_expected.py — never by PyXray).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import * as assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

export const ROOT = path.resolve(__dirname, '../..');
export const ADAPTER = path.join(ROOT, 'dist', 'debugAdapter.js');
export const FIXTURES = path.join(__dirname, 'fixtures');
/** The shared corpus programs (test/corpus/seeds), as the "Must show" asks. */
export const CORPUS = path.join(ROOT, 'test', 'corpus', 'seeds');

export interface ExpectedRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Expected {
  output: Record<string, ExpectedRun>;
  codeLines: Record<string, number[]>;
  lineCount: Record<string, number>;
  dis: Record<string, { offset: number; text: string; line: number | null }[]>;
  refcounts: Record<string, Record<string, number>>;
  reprs: Record<string, string | string[]>;
  values: Record<string, Record<string, string>>;
  runInputs: Record<string, { stdin: string; args: string[] }>;
  lineEvents: Record<string, [string, number][]>;
  callPositions: Record<string, [number, number, number, number][]>;
  corpus: {
    output: Record<string, ExpectedRun>;
    refcounts: Record<string, Record<string, number>>;
    [statement: string]: unknown;
  };
  /** Per exception, CPython's first 'exception' trace event in the fixture: [co_qualname, line, {local: repr}, traceback text then]. */
  raisePoints: Record<string, [string, number, Record<string, string>, string][]>;
  /** The value of an expression each time before a line runs, in order. */
  valuesEachTime: Record<string, [string, string][]>;
  /** f_lineno of a function's frames at their 'return' trace events (where a frame stands as it is left). */
  returnLines: Record<string, number[]>;
  /** Hex of the bytes CPython has at id(value) (ctypes.string_at, sys.getsizeof bytes). */
  memory: Record<string, string>;
  completions: Record<string, string[]>;
  /** (co_qualname, line) of each line event on a breakpoint line, in order (sys.settrace). */
  breakpointHits: Record<string, [string, number][]>;
  /** Source text of each call on a line, in bytecode order (co_positions of the CALLs). */
  callSources: Record<string, string[]>;
  /** gen.py before line 18: [getgeneratorstate(g), g.gi_frame.f_locals reprs, f_lineno, repr(Child.__mro__)]. */
  generator: [string, Record<string, string>, number, string];
  /** dis's exception table entry covering a line's first instruction (or null). */
  exceptionEntry: Record<string, string | null>;
  /** Consecutive line events inside loop_fn.py's spin() (sys.settrace), as [from, to] pairs. */
  loopTransitions: [number, number][];
  /** nested.py before line 17: [repr(points[0].x), repr(Point.dims)]. */
  attributes: [string, string];
  /** tasks.py inside worker(): [name, is the current task, done()] of every task, sorted. */
  tasks: [string, boolean, boolean][];
}

export const expected: Expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function corpusProgram(name: string): string {
  return path.join(CORPUS, name);
}

/** CPython's text with the fixture directory put back. */
export function withFixturePaths(text: string): string {
  return text.split('<FIXTURES>/').join(FIXTURES + path.sep);
}

/** Resolves with the next stopped event after `action` (the event listener is set up first). */
export async function stoppedAfter(dc: DebugClient, action: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped');
  await action();
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/** The ob_refcnt the debugger shows for a variable of a scope of the top frame. */
export async function refcountOf(dc: DebugClient, scopeName: string, name: string): Promise<number> {
  const variable = named(await scopeVariables(dc, (await topFrame(dc)).id, scopeName), name);
  return Number(named(await children(dc, variable), 'ob_refcnt').value);
}

/**
 * A DebugClient on the bundled adapter. If the adapter process dies (a crash, or a bundle being
 * rebuilt under our feet by a concurrent build), every pending request and event wait fails at
 * once with its exit status, instead of hanging until mocha's timeout.
 */
export async function startClient(): Promise<DebugClient> {
  assert.ok(fs.existsSync(ADAPTER), `${ADAPTER} is missing: run \`npm run build\` first`);
  const dc = new DebugClient('node', ADAPTER, 'pyxray', undefined, true);
  dc.defaultTimeout = 20000;
  await dc.start();
  const adapter = (dc as unknown as { _adapterProcess: ChildProcess | null })._adapterProcess!;
  const died = new Promise<never>((_, reject) => {
    adapter.once('exit', (code, signal) => reject(new Error(`the debug adapter exited (${signal ?? code})`)));
  });
  died.catch(() => undefined);
  const client = dc as unknown as { send(command: string, args?: unknown): Promise<unknown> };
  const send = client.send.bind(dc);
  client.send = (command, args) => (command === 'disconnect' ? send(command, args) : Promise.race([send(command, args), died]));
  const waitForEvent = dc.waitForEvent.bind(dc);
  dc.waitForEvent = (eventType, timeout) => Promise.race([waitForEvent(eventType, timeout), died]);
  // stop(): disconnect, but do not wait for an answer from a process that is gone.
  const stop = dc.stop.bind(dc);
  const kill = () => (dc as unknown as { stopAdapter(): void }).stopAdapter();
  dc.stop = () => (adapter.exitCode !== null || adapter.signalCode !== null ? Promise.resolve(kill()) : Promise.race([stop(), died.catch(kill)]));
  return dc;
}

/** Launch with line breakpoints set during configuration; resolves with the setBreakpoints response. */
export async function launchWithBreakpoints(dc: DebugClient, launchArgs: Record<string, unknown>, file: string, lines: number[], conditions: (string | undefined)[] = []): Promise<DebugProtocol.SetBreakpointsResponse> {
  const configured = dc.waitForEvent('initialized').then(async () => {
    const response = await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: lines.map((line, i) => ({ line, condition: conditions[i] })) });
    await dc.configurationDoneRequest();
    return response;
  });
  const [response] = await Promise.all([configured, dc.launch(launchArgs)]);
  return response;
}

/** Collect everything a category of output events carries until the session terminates. */
export function collectOutput(dc: DebugClient): { stdout: string; stderr: string; all: string } {
  const out = { stdout: '', stderr: '', all: '' };
  dc.on('output', (event: DebugProtocol.OutputEvent) => {
    const category = event.body.category ?? 'console';
    if (category === 'stdout' || category === 'stderr') {
      out[category] += event.body.output;
      out.all += event.body.output;
    }
  });
  return out;
}

export async function topFrame(dc: DebugClient): Promise<DebugProtocol.StackFrame> {
  const trace = await dc.stackTraceRequest({ threadId: 1 });
  return trace.body.stackFrames[0];
}

export async function scopeVariables(dc: DebugClient, frameId: number, scopeName: string): Promise<DebugProtocol.Variable[]> {
  const scopes = await dc.scopesRequest({ frameId });
  const scope = scopes.body.scopes.find((s) => s.name === scopeName);
  assert.ok(scope, `no scope named ${scopeName}: ${scopes.body.scopes.map((s) => s.name).join(', ')}`);
  return (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
}

export async function children(dc: DebugClient, variable: DebugProtocol.Variable): Promise<DebugProtocol.Variable[]> {
  assert.ok(variable.variablesReference > 0, `${variable.name} has no children`);
  return (await dc.variablesRequest({ variablesReference: variable.variablesReference })).body.variables;
}

export function named(variables: DebugProtocol.Variable[], name: string): DebugProtocol.Variable {
  const v = variables.find((x) => x.name === name);
  assert.ok(v, `no variable ${name} among ${variables.map((x) => x.name).join(', ')}`);
  return v;
}
