// inspect's asyncio view: stopped at a breakpoint inside one task, the debugger sees every
// unfinished task with its state, await chain and the future it waits on, and the loop's clock
// and queues — without the program observing anything (same output, same refcounts).
import { strict as assert } from 'node:assert';
import { compileSource } from '../../../runtime/src/index';
import { DebugProgram, MemoryHost, asyncioView } from '../../../runtime/src/inspect/index';
import { runCase } from '../stdlib/runCase';

const FILE = '/tmp/stdlib_case/case.py';
const SOURCE = `import asyncio, sys

async def child(n):
    await asyncio.sleep(n)
    return n

async def main():
    slow = asyncio.create_task(child(5), name='slow')
    fast = asyncio.create_task(child(1), name='fast')
    await fast
    probe = sys.getrefcount(slow)
    print('stop here', probe)
    await slow
    print('done')

asyncio.run(main())
`;
const STOP_LINE = 12;

describe('inspect: asyncio view', () => {
  it('shows each task, its state, await chain and what it waits on', function () {
    this.timeout(120_000);
    const host = new MemoryHost(FILE, { [FILE]: SOURCE });
    // A task's coroutine runs inside the loop's native send(): its stops are nested, reported
    // through onNestedStop while the program is suspended there.
    let view: ReturnType<typeof asyncioView> = null;
    const onNestedStop = () => {
      if (view === null) view = asyncioView(program.interp);
    };
    const program: DebugProgram = new DebugProgram(compileSource(SOURCE, FILE), host, { onNestedStop });
    program.lineBreakpoints.set(STOP_LINE, { condition: null, hitCondition: null, logMessage: null, hits: 0 });
    for (;;) {
      const stop = program.run(50_000_000);
      if (stop.kind === 'exited') break;
      if (stop.kind === 'breakpoint' && view === null) view = asyncioView(program.interp);
    }
    assert.ok(view !== null, 'stopped at the breakpoint');
    const v = view as unknown as NonNullable<ReturnType<typeof asyncioView>>;
    const byName = new Map(v.tasks.map((t) => [t.name, t]));
    assert.deepEqual([...byName.keys()].sort(), ['Task-1', 'slow']);
    const main = byName.get('Task-1')!;
    assert.equal(main.state, 'running');
    assert.equal(main.coroutine, `main() running at ${FILE}:${STOP_LINE}`);
    assert.deepEqual(main.awaitChain.map((s) => [s.name, s.line]), [['main', STOP_LINE]]);
    const slow = byName.get('slow')!;
    assert.equal(slow.state, 'pending');
    assert.deepEqual(slow.awaitChain.map((s) => [s.name, s.line]), [['child', 4], ['sleep', slow.awaitChain[1].line], ['Future.__await__', slow.awaitChain[2].line]]);
    assert.equal(slow.waitingOn, '<Future pending>');
    assert.equal(v.loops.length, 1);
    const loop = v.loops[0];
    assert.equal(loop.running, true);
    assert.equal(loop.current, 'Task-1');
    assert.equal(loop.scheduled, 1);
    assert.ok(loop.time >= 1 && loop.time < 1.1, `loop time ${loop.time}`);
    assert.ok(loop.nextTimer !== null && loop.nextTimer >= 5, `next timer ${loop.nextTimer}`);
    assert.equal(host.output, runCase(SOURCE));
    assert.equal(asyncioView(program.interp)!.tasks.length, 0);
  });
});
