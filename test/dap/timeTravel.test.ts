// Refcounts over time, on the shared corpus's refcount programs: a count going from 1 to 2 on
// `b = a`, a data breakpoint on a refcount firing at `del b` (and when the object is freed), a
// data breakpoint on a name's binding, and going back — stepBack over `b = a` shows 1 again,
// reverseContinue returns to the last breakpoint — without repeating output. Expected counts and
// output: CPython (generate_expected.py).

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import {
  children, collectOutput, corpusProgram, expected, fixture, launchWithBreakpoints, named, refcountOf, scopeVariables, startClient,
  stoppedAfter, topFrame,
} from './support';

const SCENARIO = 's000_50_refcount_scenario.py';
const DEL = 's001_54_getrefcount_del.py';

describe('DAP refcounts over time: data breakpoints, stepBack, reverseContinue', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function launchTo(file: string, lines: number[], extra: Record<string, unknown> = {}): Promise<void> {
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file, ...extra }, file, lines);
    await stopped;
  }

  it('watches a refcount change from 1 to 2 on `b = a`', async () => {
    const file = corpusProgram(SCENARIO);
    const want = expected.corpus.refcounts[`${SCENARIO} a`];
    await launchTo(file, [7]);
    assert.equal((await topFrame(dc)).line, 7);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['7']);
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 8);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['8']);
    assert.deepEqual([want['7'], want['8']], [1, 2]);
  });

  it('steps back over `b = a`: the count is 1 again, and output is not repeated', async () => {
    const file = corpusProgram(SCENARIO);
    const want = expected.corpus.refcounts[`${SCENARIO} a`];
    const output = collectOutput(dc);
    await launchTo(file, [7]);
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 9);
    const idBefore = named(await scopeVariables(dc, (await topFrame(dc)).id, 'Locals'), 'a').memoryReference;
    // Back over line 8 (a print) and line 7 (`b = a`).
    const back1 = await stoppedAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal(back1.body.reason, 'step');
    assert.equal((await topFrame(dc)).line, 8);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['8']);
    await stoppedAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 7);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['7']);
    const locals = await scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
    assert.ok(!locals.some((v) => v.name === 'b'), '`b` is not bound yet');
    // The replay is the same run: the list has the same address.
    assert.equal(named(locals, 'a').memoryReference, idBefore);
    // Forward again, to the end: every line printed exactly once, as CPython prints them.
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['8']);
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.corpus.output[SCENARIO].stdout);
  });

  it('steps back by instruction, and reverseContinue returns to the last breakpoint hit', async () => {
    const file = corpusProgram(SCENARIO);
    await launchTo(file, [7]);
    const frame7 = await topFrame(dc);
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
    assert.notEqual((await topFrame(dc)).instructionPointerReference, frame7.instructionPointerReference);
    await stoppedAfter(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' }));
    assert.equal((await topFrame(dc)).instructionPointerReference, frame7.instructionPointerReference);
    // Run on to line 10, then back to the breakpoint on line 7.
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 7 }, { line: 10 }] });
    await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 10);
    const back = await stoppedAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(back.body.reason, 'breakpoint');
    assert.equal((await topFrame(dc)).line, 7);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), expected.corpus.refcounts[`${SCENARIO} a`]['7']);
  });

  it('a data breakpoint on a refcount fires at `del b`, and again when the object is freed', async () => {
    const file = corpusProgram(DEL);
    const want = expected.corpus.refcounts[`${DEL} a`];
    await launchTo(file, [12]);
    const a = named(await scopeVariables(dc, (await topFrame(dc)).id, 'Locals'), 'a');
    const header = await children(dc, a);
    assert.equal(Number(named(header, 'ob_refcnt').value), want['12']);
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: a.variablesReference, name: 'ob_refcnt' });
    assert.ok(info.body.dataId, info.body.description);
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    assert.equal(set.body.breakpoints[0].verified, true);
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [] });
    const fired = await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(fired.body.reason, 'data breakpoint');
    assert.deepEqual(fired.body.hitBreakpointIds, [set.body.breakpoints[0].id]);
    // Stopped right after the statement that changed it: `del b` ran, line 13 is next.
    assert.equal((await topFrame(dc)).line, 13);
    assert.match(fired.body.description!, new RegExp(`: ${want['12']} → ${want['13']}$`));
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['13']);
    // `del a` (line 14) drops the last reference: the watch reports the free at the next line
    // with code (the string statement after it).
    const freed = await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(freed.body.reason, 'data breakpoint');
    assert.match(freed.body.description!, /was freed \(ob_refcnt 1 → 0\)/);
    const codeLines = (expected.corpus.codeLines as Record<string, number[]>)[DEL];
    assert.equal((await topFrame(dc)).line, codeLines.find((line) => line > 14));
  });

  it('reverseContinue goes back to each moment a watched refcount changed', async () => {
    const file = corpusProgram(SCENARIO);
    const want = expected.corpus.refcounts[`${SCENARIO} a`];
    await launchTo(file, [10]);
    // After `del a` only b holds the list; watch its count.
    const b = named(await scopeVariables(dc, (await topFrame(dc)).id, 'Locals'), 'b');
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: b.variablesReference, name: 'ob_refcnt' });
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [] });
    // The last change before line 10 is `b = a` (1 → 2), seen at line 8; before it the list's
    // creation (0 → 1), seen at line 6.
    const back1 = await stoppedAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(back1.body.reason, 'breakpoint');
    assert.equal((await topFrame(dc)).line, 8);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['8']);
    await stoppedAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 6);
    assert.equal(await refcountOf(dc, 'Locals', 'a'), want['6']);
    // Forward again, the watch fires where the count changes: after `b = a`.
    const forward = await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(forward.body.reason, 'data breakpoint');
    assert.equal((await topFrame(dc)).line, 8);
  });

  it("reverseContinue stops at the previous writes of a function's local, back through earlier calls", async () => {
    const file = fixture('loop_local.py');
    const writes = expected.valuesEachTime['loop_local.py 3'];
    // Stop at `return y` in the third call of step() (i == 2), then watch step's local x.
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [4], ['i == 2']);
    await stopped;
    const locals = await dc.scopesRequest({ frameId: (await topFrame(dc)).id });
    const scope = locals.body.scopes.find((s) => s.name === 'Locals')!;
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: scope.variablesReference, name: 'x' });
    assert.match(info.body.dataId!, /^local:1:\d+:x$/);
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [] });
    // Each reverse continue lands right after the statement that wrote x: in this call first,
    // then in the calls before it.
    for (const [i, x] of [writes[2], writes[1], writes[0]]) {
      const back = await stoppedAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
      assert.equal(back.body.reason, 'breakpoint');
      const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      assert.deepEqual(trace.map((f) => [f.name, f.line]), [['step', 3], ['<module>', 9]]);
      const shown = await scopeVariables(dc, trace[0].id, 'Locals');
      assert.deepEqual([named(shown, 'i').value, named(shown, 'x').value], [i, x]);
    }
  });

  it('a data breakpoint on a binding fires when the name is unbound', async () => {
    const file = corpusProgram(SCENARIO);
    await launchTo(file, [8]);
    const globals = await dc.scopesRequest({ frameId: (await topFrame(dc)).id });
    const locals = globals.body.scopes.find((s) => s.name === 'Locals')!;
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: locals.variablesReference, name: 'a' });
    assert.equal(info.body.dataId, 'global:a');
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    const fired = await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(fired.body.reason, 'data breakpoint');
    assert.equal((await topFrame(dc)).line, 10);
    assert.match(fired.body.description!, /^a rebound: list object at 0x[0-9a-f]+ → unbound$/);
  });

  it('restarts the program from the start: a new run, with its output again', async () => {
    const file = corpusProgram(SCENARIO);
    const output = collectOutput(dc);
    await launchTo(file, [9]);
    const shownBefore = output.stdout;
    const entry = await stoppedAfter(dc, () => dc.customRequest('restart', {}));
    assert.equal(entry.body.reason, 'breakpoint');
    assert.equal((await topFrame(dc)).line, 9);
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [] });
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, shownBefore + expected.corpus.output[SCENARIO].stdout);
  });

  it('refuses to go back when historySize is 0', async () => {
    const file = corpusProgram(SCENARIO);
    await launchTo(file, [8], { historySize: 0 });
    await assert.rejects(dc.stepBackRequest({ threadId: 1 }), /historySize/);
  });
});


