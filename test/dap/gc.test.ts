// The cyclic GC over DAP, on the corpus's cycle program (two lists referring to each other, their
// names deleted, then gc.collect()): the GC scope's counts and statistics change as CPython's
// gc.get_count() / gc.get_stats() do across the gc.collect() line, pyxray/gcLog records the
// collection with its results, objects show their generation, and stopOnGc stops after it.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { children, corpusProgram, expected, launchWithBreakpoints, named, scopeVariables, startClient, stoppedAfter, topFrame } from './support';
import type { GcLogResponse } from '../../debug-adapter/src/protocol';

const PROGRAM = 's003_78_gc_collect_cycle_variant.py';
type Stats = { collected: number; collections: number; uncollectable: number }[];

describe('DAP: the cyclic GC', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function gcScope(): Promise<DebugProtocol.Variable[]> {
    return scopeVariables(dc, (await topFrame(dc)).id, 'GC');
  }

  /** "count C / threshold T, N objects; K collections, X collected, U uncollectable" */
  function generation(scope: DebugProtocol.Variable[], g: number): { count: number; collections: number; collected: number } {
    const m = /^count (\d+) \/ threshold \d+, \d+ objects; (\d+) collections, (\d+) collected, \d+ uncollectable$/.exec(named(scope, `generation ${g}`).value)!;
    return { count: Number(m[1]), collections: Number(m[2]), collected: Number(m[3]) };
  }

  it("gc.collect() changes the GC scope's counts as it changes CPython's", async () => {
    const file = corpusProgram(PROGRAM);
    const want = expected.corpus['gc s003_78'] as Record<string, [number[], Stats]>;
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [24]);
    await stopped;
    const before = await gcScope();
    const gen2Before = generation(before, 2);
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal((await topFrame(dc)).line, 26);
    const after = await gcScope();
    // After a full collection every count is CPython's (0, 0, 0).
    assert.deepEqual([0, 1, 2].map((g) => generation(after, g).count), want['26'][0]);
    // One more generation-2 collection, which freed the two lists of the cycle.
    const [stats24, stats26] = [want['24'][1], want['26'][1]];
    assert.equal(generation(after, 2).collections - gen2Before.collections, stats26[2].collections - stats24[2].collections);
    assert.equal(generation(after, 2).collected - gen2Before.collected, stats26[2].collected - stats24[2].collected);
    assert.match(named(after, 'last collection').value, /^generation 2 \(gc\.collect\): 2 collected, 0 uncollectable$/);
    const log = (await dc.customRequest('pyxray/gcLog')).body as GcLogResponse;
    const last = log.events[log.events.length - 1];
    assert.deepEqual([last.generation, last.reason, last.collected], [2, 'gc.collect', 2]);
    assert.deepEqual(log.state.generations.map((g) => g.count), want['26'][0]);
  });

  it('shows each object\'s GC generation, and "untracked" for atoms', async () => {
    const file = corpusProgram(PROGRAM);
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [16]);
    await stopped;
    const locals = await scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
    assert.match(named(await children(dc, named(locals, 'a')), 'gc').value, /^generation [012]$/);
    const one = named(await children(dc, named(locals, 'a')), '[0]');
    assert.equal(named(await children(dc, one), 'gc').value, 'untracked');
  });

  it("stops after a collection with 'stopOnGc'", async () => {
    const file = corpusProgram(PROGRAM);
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await launchWithBreakpoints(dc, { program: file, stopOnGc: true }, file, []);
    const event = await stopped;
    assert.equal(event.body.reason, 'gc');
    // The first collection is the program's own gc.collect() on line 9: the stop is at the
    // instruction after the call (its POP_TOP, same line).
    assert.equal((await topFrame(dc)).line, 9);
    assert.match(event.body.description!, /gc\.collect\(\) collection of generation 2/);
  });
});
