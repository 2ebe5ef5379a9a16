// Simulated threads over DAP, on the corpus's thread program (a Thread subclass whose run()
// prints, joined by the main thread): each thread is a DAP thread named with its state and a
// marker on the GIL holder, with its own stack; the GIL scope and pyxray/gilTimeline show the
// holder change from MainThread to the thread when the main thread blocks in join(). Thread
// names and output: CPython's (expected.json).

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, corpusProgram, expected, fixture, launchWithBreakpoints, named, scopeVariables, startClient, stoppedAfter } from './support';
import type { GilTimelineResponse } from '../../debug-adapter/src/protocol';

const PROGRAM = 's000_28_thread_ctor_and_subclass.py';

describe('DAP threads and the GIL', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  it('two threads show the GIL holder change', async () => {
    const file = corpusProgram(PROGRAM);
    const output = collectOutput(dc);
    // CPython's name for the thread, from the line run() prints.
    const want = expected.corpus.output[PROGRAM].stdout;
    const threadName = want.split(' says:')[0];
    // Line 16: `thread.start()` in the main thread; line 14: the print in run().
    const first = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await launchWithBreakpoints(dc, { program: file }, file, [16, 14]);
    const atStart = await first;
    assert.equal(atStart.body.threadId, 1);
    let threads = (await dc.threadsRequest()).body.threads;
    assert.deepEqual(threads.map((t) => t.name), ['MainThread — holds the GIL']);
    let gil = await scopeVariables(dc, (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].id, 'GIL');
    assert.equal(named(gil, 'holder').value, 'MainThread');

    const inRun = await stoppedAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(inRun.body.reason, 'breakpoint');
    assert.notEqual(inRun.body.threadId, 1);
    threads = (await dc.threadsRequest()).body.threads;
    const worker = threads.find((t) => t.id === inRun.body.threadId)!;
    assert.equal(worker.name, `${threadName} — holds the GIL`);
    assert.match(threads.find((t) => t.id === 1)!.name, /^MainThread — (blocked|waiting for GIL)/);
    // Each thread has its own stack: run() in the worker, the module in the main thread.
    const workerStack = (await dc.stackTraceRequest({ threadId: worker.id })).body.stackFrames;
    assert.equal(workerStack[0].name, 'MyThread.run');
    assert.equal(workerStack[0].line, 14);
    const mainStack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(mainStack[mainStack.length - 1].name, '<module>');
    gil = await scopeVariables(dc, workerStack[0].id, 'GIL');
    assert.equal(named(gil, 'holder').value, threadName);
    const timeline = (await dc.customRequest('pyxray/gilTimeline')).body as GilTimelineResponse;
    assert.equal(timeline.holder, worker.id);
    assert.ok(timeline.handovers.some((h) => h.from === 1 && h.to === worker.id), JSON.stringify(timeline.handovers));
    assert.equal(timeline.spans[0].threadId, 1);

    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: worker.id });
    await terminated;
    assert.equal(output.stdout, want);
  });

  it('an asyncio scope lists the tasks and marks the running one, as CPython has them', async () => {
    const file = fixture('tasks.py');
    const output = collectOutput(dc);
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [6]);
    await stopped;
    const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
    assert.equal(frame.name, 'worker');
    const scope = await scopeVariables(dc, frame.id, 'asyncio');
    const tasks = scope.filter((v) => !v.name.startsWith('loop '));
    const got = tasks.map((v) => [v.name, v.value.startsWith('running:'), /^(finished|cancelled):/.test(v.value)]).sort();
    assert.deepEqual(got, expected.tasks);
    assert.ok(scope.some((v) => /^loop 0x[0-9a-f]+$/.test(v.name) && v.value.startsWith('running')));
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.output['tasks.py'].stdout);
  });

  it('a multiprocessing child process is a thread named by its process, stoppable, with its own stack and globals', async () => {
    const program = 's003_20_process_memory_isolated.py';
    const file = corpusProgram(program);
    const output = collectOutput(dc);
    // Line 10: the child's print, after `n = 0` in its copy of __main__'s globals.
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await launchWithBreakpoints(dc, { program: file }, file, [10]);
    const stop = await stopped;
    assert.equal(stop.body.reason, 'breakpoint');
    assert.notEqual(stop.body.threadId, 1);
    const threads = (await dc.threadsRequest()).body.threads;
    // CPython names the first Process "Process-1"; inside it, the running thread is its MainThread.
    assert.equal(threads.find((t) => t.id === stop.body.threadId)!.name, 'Process-1 / MainThread — holds the GIL');
    const stack = (await dc.stackTraceRequest({ threadId: stop.body.threadId! })).body.stackFrames;
    assert.deepEqual([stack[0].name, stack[0].line], ['work', 10]);
    // The child's globals are its own copy: n is 0 there, still 100 in the parent's module.
    assert.equal(named(await scopeVariables(dc, stack[0].id, 'Globals'), 'n').value, '0');
    // The main process has run its module to the end (printing n as 100) and waits in
    // multiprocessing's exit function (atexit in CPython) for the child to finish.
    const main = threads.find((t) => t.id === 1)!;
    assert.match(main.name, /^MainThread — (blocked|waiting for GIL)/);
    const mainStack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(mainStack[mainStack.length - 1].name, '_exit_function');
    // Stepping follows the child's thread.
    const stepped = await stoppedAfter(dc, () => dc.nextRequest({ threadId: stop.body.threadId! }));
    assert.equal(stepped.body.threadId, stop.body.threadId);
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: stop.body.threadId! });
    await terminated;
    // The two processes' writes interleave differently under CPython (the parent's pipe is block
    // buffered across the fork): the same text, in some order.
    const chars = (text: string) => [...text].sort().join('');
    assert.equal(chars(output.stdout), chars(expected.corpus.output[program].stdout));
    assert.match(output.stdout, /子进程内:  0\n/);
  });

  it("stops on each GIL switch with 'stopOnGilSwitch'", async () => {
    const file = corpusProgram(PROGRAM);
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await launchWithBreakpoints(dc, { program: file, stopOnGilSwitch: true }, file, []);
    const event = await stopped;
    assert.equal(event.body.reason, 'gil switch');
    assert.notEqual(event.body.threadId, 1);
  });
});
