// Exception breakpoints: 'raised' stops at the raise point — the frame that raised, with its
// locals, before any handler runs — with CPython's traceback text in exceptionInfo (what
// traceback.format_exception gives at CPython's first 'exception' trace event); 'uncaught' stops
// as soon as nothing can catch the exception, with the frames alive (their locals visible) and
// the traceback text the program will end with, then the program ends exactly as `python3` does.
// Expected texts, frames and locals: CPython (generate_expected.py).

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, expected, fixture, named, scopeVariables, startClient, topFrame, withFixturePaths } from './support';

describe('DAP exception breakpoints', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function launchWithFilters(file: string, filters: string[]): Promise<DebugProtocol.StoppedEvent> {
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    const configured = dc.waitForEvent('initialized').then(async () => {
      await dc.setExceptionBreakpointsRequest({ filters });
      await dc.configurationDoneRequest();
    });
    await Promise.all([configured, dc.launch({ program: file })]);
    return stopped;
  }

  it('offers the raised / uncaught / user-uncaught filters', async () => {
    const init = await dc.initializeRequest();
    const filters = init.body!.exceptionBreakpointFilters!.map((f) => f.filter);
    assert.deepEqual(filters, ['raised', 'uncaught', 'userUnhandled']);
    assert.equal(init.body!.supportsExceptionInfoRequest, true);
  });

  it("'raised' stops at the raise point in the nested function, its locals visible, with CPython's traceback text; then the program goes on", async () => {
    const file = fixture('raised.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['raised']);
    assert.equal(stop.body.reason, 'exception');
    assert.equal(stop.body.text, 'ValueError');
    // int(text) raised in parse(), called by parse_all() whose handler has not run yet.
    const [[qualname, line, locals, want]] = expected.raisePoints['raised.py'];
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => [f.name, f.line]), [[qualname, line], ['parse_all', 9], ['<module>', 15]]);
    const shown = await scopeVariables(dc, trace[0].id, 'Locals');
    assert.deepEqual(Object.fromEntries(shown.map((v) => [v.name, v.value])), locals);
    // The caller is alive too: its loop variable and the list it is building.
    const callerLocals = await scopeVariables(dc, trace[1].id, 'Locals');
    assert.equal(named(callerLocals, 'item').value, "'x2'");
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.details!.stackTrace, withFixturePaths(want));
    assert.equal(info.body.exceptionId, 'ValueError');
    assert.equal(info.body.breakMode, 'always');
    assert.equal(info.body.description, want.trimEnd().split('\n').pop()!.replace(/^ValueError: /, ''));
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.output['raised.py'].stdout);
  });

  it("'raised' does not stop on the StopIteration ending a loop over an iterator class (flow control)", async () => {
    const file = fixture('raised_iter.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['raised']);
    // CPython's tracing sees the StopIteration first; the stop is the ValueError's raise point.
    const points = expected.raisePoints['raised_iter.py'];
    assert.match(points[0][3], /\nStopIteration\n$/);
    const [qualname, line] = points.find((p) => /\nValueError: /.test(p[3]))!;
    assert.equal(stop.body.text, 'ValueError');
    assert.deepEqual([(await topFrame(dc)).name, (await topFrame(dc)).line], [qualname, line]);
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.output['raised_iter.py'].stdout);
  });

  it("'uncaught' stops with the frames alive (the innermost one's locals visible), then ends as python3 does", async () => {
    const file = fixture('uncaught.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['uncaught']);
    assert.equal(stop.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    const want = expected.output['uncaught.py'];
    // The text the program ends with, though the exception has not left fail() yet.
    assert.equal(info.body.details!.stackTrace, withFixturePaths(want.stderr));
    assert.equal(info.body.breakMode, 'unhandled');
    assert.equal(info.body.exceptionId, 'ZeroDivisionError');
    // The live frames, innermost first, where CPython's tracing sees the exception raised.
    const [[qualname, line, locals]] = expected.raisePoints['uncaught.py'];
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => [f.name, f.line]), [[qualname, line], ['<module>', 5]]);
    const shown = await scopeVariables(dc, trace[0].id, 'Locals');
    assert.deepEqual(Object.fromEntries(shown.map((v) => [v.name, v.value])), locals);
    const globals = await scopeVariables(dc, trace[1].id, 'Globals');
    assert.equal(named(globals, 'fail').type, 'function');
    // Nothing printed yet on stderr: the traceback comes when the program really ends.
    assert.equal(output.stderr, '');
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, want.exitCode);
    assert.equal(output.stdout, want.stdout);
    assert.equal(output.stderr, withFixturePaths(want.stderr));
  });

  it("'uncaught' waits for a `finally` to run, then stops in the frame that raised, alive", async () => {
    const file = fixture('uncaught_finally.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['uncaught']);
    assert.equal(stop.body.reason, 'exception');
    const want = expected.output['uncaught_finally.py'];
    // The finally block has printed; the exception is about to leave inner() with nothing above to catch it.
    assert.equal(output.stdout, want.stdout);
    // inner() stands where CPython's frame is as the exception leaves it (the finally clause's
    // end); its locals are those of the raise point.
    const [[qualname, , locals]] = expected.raisePoints['uncaught_finally.py'];
    const [leaving] = expected.returnLines['uncaught_finally.py inner'];
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => [f.name, f.line]), [[qualname, leaving], ['outer', 10], ['<module>', 13]]);
    assert.deepEqual(Object.fromEntries((await scopeVariables(dc, trace[0].id, 'Locals')).map((v) => [v.name, v.value])), locals);
    assert.equal(named(await scopeVariables(dc, trace[1].id, 'Locals'), 'total').value, '1');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.details!.stackTrace, withFixturePaths(want.stderr));
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, want.exitCode);
    assert.equal(output.stderr, withFixturePaths(want.stderr));
  });

  it("'uncaught' out of native code (a sort key): stops in the caller, the key's exited frame shown from the traceback", async () => {
    const file = fixture('uncaught_native.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['uncaught']);
    assert.equal(stop.body.reason, 'exception');
    const want = expected.output['uncaught_native.py'];
    // sorted() might have caught it, so the stop comes once it is back in the module's frame:
    // by_inverse has exited (a traceback entry: its exception and globals, no locals), the module is alive.
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => [f.name, f.line, f.presentationHint]), [['by_inverse', 3, 'subtle'], ['<module>', 7, undefined]]);
    const exception = await scopeVariables(dc, trace[0].id, 'Exception');
    assert.equal(named(exception, 'type').value, "<class 'ZeroDivisionError'>");
    assert.equal(named(await scopeVariables(dc, trace[1].id, 'Locals'), 'values').value, '[3, 0, 1]');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.details!.stackTrace, withFixturePaths(want.stderr));
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, want.exitCode);
    assert.equal(output.stderr, withFixturePaths(want.stderr));
    assert.equal(output.stdout, want.stdout);
  });

  it("'user uncaught' stops where library code catches the program's exception (a thread's run)", async () => {
    const file = fixture('thread_error.py');
    const output = collectOutput(dc);
    const stop = await launchWithFilters(file, ['userUnhandled']);
    assert.equal(stop.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: stop.body.threadId! });
    assert.equal(info.body.exceptionId, 'ValueError');
    // The handler is threading's (a library frame, its source served by reference); the frame
    // that raised is the program's.
    const trace = (await dc.stackTraceRequest({ threadId: stop.body.threadId! })).body.stackFrames;
    assert.equal(trace[0].name, 'Thread._bootstrap_inner');
    assert.ok(trace[0].source!.sourceReference! > 0);
    const library = await dc.sourceRequest({ sourceReference: trace[0].source!.sourceReference! });
    assert.match(library.body.content, /def _bootstrap_inner\(self\):/);
    assert.match(info.body.details!.stackTrace!, /thread_error\.py", line 5, in work\n    raise ValueError\('in a thread'\)/);
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: stop.body.threadId! });
    await terminated;
    assert.equal(output.stdout, expected.output['thread_error.py'].stdout);
  });

  it("'uncaught' does not stop on exceptions of shutdown code (an atexit callback, a __del__): the shutdown reports them", async () => {
    const file = fixture('atexit_error.py');
    const output = collectOutput(dc);
    let stops = 0;
    dc.on('stopped', () => {
      stops++;
      void dc.continueRequest({ threadId: 1 });
    });
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    const configured = dc.waitForEvent('initialized').then(async () => {
      await dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });
      await dc.configurationDoneRequest();
    });
    await Promise.all([configured, dc.launch({ program: file })]);
    const want = expected.output['atexit_error.py'];
    assert.equal((await exited).body.exitCode, want.exitCode);
    assert.equal(stops, 0);
    assert.equal(output.stdout, want.stdout);
    // Addresses are the run's own; source lines are left out (CPython's __del__ report at
    // shutdown has none: linecache is gone by then; PyXray's runtime still shows it).
    const report = (text: string) => text.replace(/0x[0-9a-f]+/g, '0x…').split('\n').filter((l) => !l.startsWith('    ')).join('\n');
    assert.equal(report(output.stderr), report(withFixturePaths(want.stderr)));
  });

  it('without filters an exception never stops the program', async () => {
    const file = fixture('raised.py');
    const output = collectOutput(dc);
    const terminated = dc.waitForEvent('terminated');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file })]);
    await terminated;
    assert.equal(output.stdout, expected.output['raised.py'].stdout);
  });
});
