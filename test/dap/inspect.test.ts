// Watching a stopped program: closure cells and their contents, the value stack while stepping by
// instruction, refcounts that match CPython's sys.getrefcount (expected.json), stepping by line
// in and out of calls, and pausing a loop that never ends.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { children, collectOutput, expected, fixture, launchWithBreakpoints, named, scopeVariables, startClient, stoppedAfter, topFrame } from './support';

describe('DAP inspection and stepping', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function stepAndWait(kind: 'next' | 'stepIn' | 'stepOut', granularity?: DebugProtocol.SteppingGranularity): Promise<DebugProtocol.StackFrame> {
    const stopped = dc.waitForEvent('stopped');
    if (kind === 'next') await dc.nextRequest({ threadId: 1, granularity });
    else if (kind === 'stepIn') await dc.stepInRequest({ threadId: 1, granularity });
    else await dc.stepOutRequest({ threadId: 1, granularity });
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'step');
    return topFrame(dc);
  }

  it("shows a long container's repr as CPython's first 2000 characters (rendering only that much)", async () => {
    const file = fixture('big_list.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [3]);
    await stopped;
    const globals = await scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
    const [big, nested] = expected.reprs['big_list.py 3'] as string[];
    assert.equal(named(globals, 'big').value, big + '…');
    assert.equal(named(globals, 'nested').value, nested + '…');
  });

  it('in an inner function: the free variable is the cell object, and the cell holds the value', async () => {
    const file = fixture('closure.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [4]);
    await stopped;
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => f.name), ['outer.<locals>.inner', 'outer', '<module>']);
    assert.deepEqual(trace.map((f) => f.line), [4, 5, 8]);
    // A caller frame points at its CALL, with CPython's co_positions (0-based columns there).
    const [[line, endLine, col, endCol]] = expected.callPositions['closure.py outer'];
    assert.deepEqual([trace[1].line, trace[1].endLine, trace[1].column, trace[1].endColumn], [line, endLine, col + 1, endCol + 1]);
    const innerCells = await scopeVariables(dc, trace[0].id, 'Cells & free variables');
    const v = named(innerCells, 'v');
    assert.match(v.value, /^<cell at 0x[0-9a-f]+: list object at 0x[0-9a-f]+>$/);
    assert.equal(v.type, 'cell (free variable)');
    const contents = named(await children(dc, v), 'cell_contents');
    assert.equal(contents.value, expected.reprs['closure.py v']);
    assert.equal(contents.type, 'list');
    // The outer frame's cell variable is the very same cell object.
    const outerV = named(await scopeVariables(dc, trace[1].id, 'Cells & free variables'), 'v');
    assert.equal(outerV.type, 'cell (cell variable)');
    assert.equal(outerV.value, v.value);
    const cellInternals = await children(dc, v);
    // Referrers of the cell (outer's frame slot, inner's closure tuple, inner's frame slot), as
    // CPython's sys.getrefcount counts them at the same point.
    assert.equal(named(cellInternals, 'ob_refcnt').value, String(expected.refcounts['closure.py cell v']['4']));
    assert.equal(named(cellInternals, 'type').value, "<class 'cell'>");
    assert.equal(named(cellInternals, 'shared by').value, 'outer.<locals>.inner');
    // Hovering the free variable: its value, the cell holding it, the counts and the id.
    const hover = await dc.evaluateRequest({ expression: 'v', frameId: trace[0].id, context: 'hover' });
    const cellAddress = /0x[0-9a-f]+/.exec(v.value)![0];
    assert.equal(
      hover.body.result,
      `${expected.reprs['closure.py v']}  ⟨free variable · cell ${cellAddress} refcount ${expected.refcounts['closure.py cell v']['4']} · refcount ${named(await children(dc, contents), 'ob_refcnt').value} · id ${contents.memoryReference}⟩`,
    );
  });

  it('frame internals show the exception table entry covering the next instruction, as dis prints it', async () => {
    const file = fixture('raised.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [9]);
    await stopped;
    const internals = await scopeVariables(dc, (await topFrame(dc)).id, 'Frame internals');
    assert.equal(named(internals, 'exception table entry').value, expected.exceptionEntry['raised.py parse_all 9']);
    const scopes = (await dc.scopesRequest({ frameId: (await topFrame(dc)).id })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Globals', 'Builtins', 'Frame internals', 'GC', 'GIL', 'Memory']);
    assert.ok(scopes.find((s) => s.name === 'Builtins')!.expensive);
  });

  it("shows a generator's state and suspended frame, and a class's __mro__", async () => {
    const file = fixture('gen.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [18]);
    await stopped;
    const [state, frameLocals, line, mro] = expected.generator;
    const locals = await scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
    const g = await children(dc, named(locals, 'g'));
    assert.equal(named(g, 'gi_state').value, state);
    const giFrame = named(g, 'gi_frame');
    assert.equal(giFrame.value, `<frame of count, line ${line}>`);
    const inFrame = await children(dc, giFrame);
    assert.deepEqual(Object.fromEntries(inFrame.map((v) => [v.name, v.value])), frameLocals);
    assert.equal(named(await children(dc, named(locals, 'Child')), '__mro__').value, mro);
  });

  it("shows values with CPython's repr, read without running code", async () => {
    const file = fixture('values.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [39]);
    await stopped;
    const locals = await scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
    const want = expected.values['values.py'];
    const got = Object.fromEntries(locals.filter((v) => v.name in want).map((v) => [v.name, v.value.replace(/0x[0-9a-f]+/g, '0x…')]));
    assert.deepEqual(got, want);
    const err = named(locals, 'err');
    assert.equal(err.type, 'ValueError');
    const header = (await children(dc, err)).slice(0, 3);
    assert.deepEqual(header.map((v) => v.name), ['ob_refcnt', 'id', 'type']);
    // id() in decimal, then the same address as reprs print it.
    const [, decimal, hex] = /^(\d+) \((0x[0-9a-f]+)\)$/.exec(header[1].value)!;
    assert.equal(BigInt(decimal), BigInt(hex));
  });

  it('steps through `x += 1` one instruction at a time, showing the value stack', async () => {
    const file = fixture('augassign.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [2]);
    await stopped;
    const dis = expected.dis['augassign.py'];
    const [x1000, one, x1001] = expected.reprs['augassign.py x'] as string[];
    const line2 = dis.filter((i) => i.line === 2);
    const stacks: string[][] = [[], [x1000], [x1000, one], [x1001]];
    for (let k = 0; k <= line2.length; k++) {
      const frame = k === 0 ? await topFrame(dc) : await stepAndWait('next', 'instruction');
      const internals = await scopeVariables(dc, frame.id, 'Frame internals');
      const next = named(internals, 'next instruction').value;
      const stack = named(internals, 'value stack');
      if (k < line2.length) {
        assert.equal(next, `${line2[k].offset} ${line2[k].text}`);
        assert.equal(frame.line, 2);
        const items = stack.variablesReference > 0 ? (await children(dc, stack)).map((v) => v.value) : [];
        assert.deepEqual(items, stacks[k], `value stack before ${line2[k].text}`);
      } else {
        assert.equal(frame.line, 3, 'the step after STORE_NAME is on the next line');
        assert.equal(stack.value, '[]');
      }
    }
  });

  it('shows a refcount going from 1 to 2 on `b = a`, as sys.getrefcount reports it (minus its argument)', async () => {
    const file = fixture('refcount.py');
    const want = expected.refcounts['refcount.py'];
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [2, 3]);
    await stopped;
    for (const line of Object.keys(want).map(Number)) {
      const frame = await topFrame(dc);
      assert.equal(frame.line, line);
      const a = named(await scopeVariables(dc, frame.id, 'Locals'), 'a');
      const refcount = named(await children(dc, a), 'ob_refcnt');
      assert.equal(refcount.value, String(want[String(line)]), `refcount of a before line ${line}`);
      // Looking again changes nothing: the debugger holds no references.
      const again = named(await children(dc, named(await scopeVariables(dc, frame.id, 'Locals'), 'a')), 'ob_refcnt');
      assert.equal(again.value, refcount.value);
      if (line !== 3) {
        const next = dc.waitForEvent('stopped');
        await dc.continueRequest({ threadId: 1 });
        await next;
      }
    }
  });

  it('stops on entry, steps over, into and out of a call by line', async () => {
    const file = fixture('closure.py');
    const output = collectOutput(dc);
    const entry = dc.waitForEvent('stopped');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file, stopOnEntry: true })]);
    assert.equal(((await entry) as DebugProtocol.StoppedEvent).body.reason, 'entry');
    assert.equal((await topFrame(dc)).line, 1);
    assert.equal((await stepAndWait('next')).line, 8);
    const inOuter = await stepAndWait('stepIn');
    assert.deepEqual([inOuter.name, inOuter.line], ['outer', 2]);
    assert.equal((await stepAndWait('next')).line, 3);
    const back = await stepAndWait('stepOut');
    assert.deepEqual([back.name, back.line], ['<module>', 8]);
    assert.equal(output.stdout, '', 'print has not run yet');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.output['closure.py'].stdout);
  });

  it('after a pause in code without breakpoints, stepping by line follows CPython\'s line events', async () => {
    // The module has a breakpoint (never reached in time); spin() has none, so it ran on the
    // debugger's fast path until the pause: its line tracking must catch up when stepping starts.
    const file = fixture('loop_fn.py');
    await launchWithBreakpoints(dc, { program: file }, file, [11]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stoppedAfter(dc, () => dc.pauseRequest({ threadId: 1 }));
    let line = (await topFrame(dc)).line;
    const allowed = new Set(expected.loopTransitions.map(([a, b]) => `${a}->${b}`));
    for (let i = 0; i < 6; i++) {
      await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
      const frame = await topFrame(dc);
      assert.equal(frame.name, 'spin');
      assert.ok(allowed.has(`${line}->${frame.line}`), `${line} -> ${frame.line} is no line event sequence of CPython's`);
      line = frame.line;
    }
  });

  it('pauses `while True: pass`, twice, and reports where', async () => {
    const file = fixture('spin.py');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file })]);
    for (let round = 0; round < 2; round++) {
      const stopped = dc.waitForEvent('stopped');
      await dc.pauseRequest({ threadId: 1 });
      assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'pause');
      const frame = await topFrame(dc);
      assert.ok(frame.line === 2 || frame.line === 3, `paused inside the loop, not on line ${frame.line}`);
      const n = named(await scopeVariables(dc, frame.id, 'Globals'), 'n');
      assert.equal(n.value, '0');
      await dc.continueRequest({ threadId: 1 });
    }
  });
});
