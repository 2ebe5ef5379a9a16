// Stops inside code that native code runs: a class body (run by __build_class__), __init__ (run by
// the type call), a sort key (run by sorted) and __repr__ (run by print's str of a list). The VM
// runs those in nested activations that cannot pause, so the adapter stops there synchronously,
// answering requests from inside the stop. The stops come in CPython's order (sys.settrace line
// events on the breakpoint lines), each with the frame and its caller, and the program's output
// is CPython's.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, expected, fixture, launchWithBreakpoints, named, scopeVariables, startClient, stoppedAfter, topFrame } from './support';

describe('DAP stops inside native callbacks', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  it('stops in a class body, __init__, a sort key and __repr__ in the order CPython runs them', async () => {
    const file = fixture('nested.py');
    const output = collectOutput(dc);
    const want = expected.breakpointHits['nested.py'];
    const lines = [...new Set(want.map(([, line]) => line))];
    let stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    const response = await launchWithBreakpoints(dc, { program: file }, file, lines);
    assert.ok(response.body.breakpoints.every((bp) => bp.verified && bp.message === undefined), JSON.stringify(response.body.breakpoints));
    const seen: [string, number][] = [];
    const terminated = dc.waitForEvent('terminated').then(() => null);
    for (;;) {
      const event = await Promise.race([stopped, terminated]);
      if (event === null) break;
      assert.equal(event.body.reason, 'breakpoint');
      const frame = await topFrame(dc);
      seen.push([frame.name, frame.line]);
      if (frame.name === 'by_y') {
        // Called by sorted(): the caller frame is the module's, at the sorted() call.
        const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
        assert.deepEqual(trace.map((f) => f.name), ['by_y', '<module>']);
        const p = named(await scopeVariables(dc, frame.id, 'Locals'), 'p');
        assert.match(p.value, /^<__main__\.Point object at 0x[0-9a-f]+> \(its __repr__ is not run by the debugger\)$/);
      }
      stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      await dc.continueRequest({ threadId: 1 });
    }
    assert.deepEqual(seen, want);
    assert.equal(output.stdout, expected.output['nested.py'].stdout);
  });

  it('evaluates attributes from fields: instance __dict__ and class attributes, never properties or methods', async () => {
    const file = fixture('nested.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [17]);
    await stopped;
    const frameId = (await topFrame(dc)).id;
    const value = async (expression: string) => (await dc.evaluateRequest({ expression, frameId, context: 'watch' })).body.result;
    const [x, dims] = expected.attributes;
    assert.equal(await value('points[0].x'), x);
    assert.equal(await value('Point.dims'), dims);
    assert.equal(await value('points[0].x + points[1].x > 0'), 'True');
    await assert.rejects(value('points[0].nope'), /'Point' object has no attribute 'nope'/);
    await assert.rejects(value('points[0].__repr__'), /a method: reading it would run code/);
  });

  it('steps into __repr__ from print, and out again', async () => {
    const file = fixture('nested.py');
    const stoppedAtPrint = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [17]);
    await stoppedAtPrint;
    const into = await stoppedAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    assert.equal(into.body.reason, 'step');
    const frame = await topFrame(dc);
    assert.deepEqual([frame.name, frame.line], ['Point.__repr__', 9]);
    const self = named(await scopeVariables(dc, frame.id, 'Locals'), 'self');
    assert.equal(self.type, '__main__.Point');
    await stoppedAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    // Out of the first __repr__: the native list repr calls the second one (a new frame at the
    // same depth), where stepping out stops next, as it would in CPython's pdb.
    const next = await topFrame(dc);
    assert.ok(['Point.__repr__', '<module>'].includes(next.name), next.name);
  });

  it('pauses a loop that never ends inside __repr__ (run by print)', async () => {
    const file = fixture('spin_repr.py');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file })]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const paused = await stoppedAfter(dc, () => dc.pauseRequest({ threadId: 1 }));
    assert.equal(paused.body.reason, 'pause');
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => f.name), ['Spin.__repr__', '<module>']);
    const n = await dc.evaluateRequest({ expression: 'n > 0', frameId: trace[0].id, context: 'watch' });
    assert.equal(n.body.result, 'True');
    // And it goes on (still in the loop) until paused again.
    const again = await stoppedAfter(dc, async () => {
      await dc.continueRequest({ threadId: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await dc.pauseRequest({ threadId: 1 });
    });
    assert.equal(again.body.reason, 'pause');
  });

  it('offers the calls of the line as step-in targets, and steps into the one chosen', async () => {
    const file = fixture('nested.py');
    const first = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [16]);
    await first;
    const frameId = (await topFrame(dc)).id;
    const targets = (await dc.customRequest('stepInTargets', { frameId })).body.targets as DebugProtocol.StepInTarget[];
    assert.deepEqual(targets.map((t) => t.label), expected.callSources['nested.py 16']);
    // Into the second Point(...): its __init__ sees x = 1.
    await stoppedAfter(dc, () => dc.stepInRequest({ threadId: 1, targetId: targets[1].id }));
    let frame = await topFrame(dc);
    assert.deepEqual([frame.name, frame.line], ['Point.__init__', 5]);
    assert.equal(named(await scopeVariables(dc, frame.id, 'Locals'), 'x').value, '1');
    await stoppedAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    // Into sorted(...): a builtin, whose key function is the Python code it runs.
    const again = (await dc.customRequest('stepInTargets', { frameId: (await topFrame(dc)).id })).body.targets as DebugProtocol.StepInTarget[];
    assert.deepEqual(again.map((t) => t.label), expected.callSources['nested.py 16'].slice(2));
    await stoppedAfter(dc, () => dc.stepInRequest({ threadId: 1, targetId: again[0].id }));
    frame = await topFrame(dc);
    assert.deepEqual([frame.name, frame.line], ['by_y', 13]);
  });

  it('goes back in time from a stop inside a nested activation', async () => {
    const file = fixture('nested.py');
    const first = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [13]);
    await first;
    await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).name, 'by_y');
    const back = await stoppedAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(back.body.reason, 'breakpoint');
    const frame = await topFrame(dc);
    assert.deepEqual([frame.name, frame.line], ['by_y', 13]);
    const p = named(await scopeVariables(dc, frame.id, 'Locals'), 'p');
    const x = named((await dc.variablesRequest({ variablesReference: p.variablesReference })).body.variables, 'x');
    // The first key call sees the first point, Point(3, 1).
    assert.equal(x.value, '3');
  });
});
