// Process-wide views over DAP: the Memory scope, pyxray/heapMap (arenas → pools → blocks, each
// used block with the object in it, and what was allocated since the last stop) and
// pyxray/objectGraph (who holds an object: as many references as CPython counts).

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { corpusProgram, expected, fixture, launchWithBreakpoints, named, scopeVariables, startClient, stoppedAfter, topFrame } from './support';
import type { HeapBlock, HeapMapResponse, ObjectGraphResponse } from '../../debug-adapter/src/protocol';

describe('DAP process-wide views: Memory scope, heap map, object graph', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function launchTo(file: string, line: number): Promise<DebugProtocol.Variable[]> {
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [line]);
    await stopped;
    return scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
  }

  async function heapMap(args: Record<string, unknown> = {}): Promise<HeapMapResponse> {
    return (await dc.customRequest('pyxray/heapMap', args)).body as HeapMapResponse;
  }

  function blocks(map: HeapMapResponse): HeapBlock[] {
    return map.arenas.flatMap((a) => a.pools.flatMap((p) => p.blocks ?? []));
  }

  it('the heap map puts each object in its block (id minus the GC header), with totals that add up', async () => {
    const locals = await launchTo(fixture('memory.py'), 9);
    const map = await heapMap();
    const all = blocks(map);
    const pools = map.arenas.flatMap((a) => a.pools);
    assert.equal(map.totals.pools, pools.length);
    assert.equal(map.totals.blocksUsed, all.filter((b) => b.state === 'used').length);
    for (const p of pools) assert.equal(p.blockSize, (p.sizeClass + 1) * 16);
    // An int has no GC header: its block is its id. A tuple has one (16 bytes): the block is below.
    const small = named(locals, 'small');
    const smallBlock = all.find((b) => b.address === small.memoryReference)!;
    assert.deepEqual([smallBlock.state, smallBlock.object?.type, smallBlock.object?.repr], ['used', 'int', '1000']);
    const pair = named(locals, 'pair');
    const pairBlock = all.find((b) => b.object?.address === pair.memoryReference)!;
    assert.equal(BigInt(pairBlock.address) + 16n, BigInt(pair.memoryReference!));
    assert.equal(pairBlock.object!.repr, '(1000, 1.5)');
    // The memory map asks who holds a block by the block's address (as the client's view does).
    const graph = (await dc.customRequest('pyxray/objectGraph', { address: pairBlock.address, direction: 'referrers' })).body as ObjectGraphResponse;
    assert.equal(graph.root, pair.memoryReference);
    assert.deepEqual(graph.edges.filter((e) => e.to === graph.root).map((e) => e.label), ["['pair']"]);
  });

  it('reports the blocks allocated since the last stop', async () => {
    const file = fixture('memory.py');
    await launchTo(file, 8);
    const before = await heapMap({ blocks: false });
    assert.deepEqual(before.sinceLastStop.allocated, []);
    await stoppedAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    const pair = named(await scopeVariables(dc, (await topFrame(dc)).id, 'Locals'), 'pair');
    const after = await heapMap();
    const pairBlock = blocks(after).find((b) => b.object?.address === pair.memoryReference)!;
    assert.ok(after.sinceLastStop.allocated.includes(pairBlock.address), `${pairBlock.address} not in ${after.sinceLastStop.allocated}`);
    assert.equal(pairBlock.isNew, true);
  });

  it("the object graph finds as many references to a list as CPython's refcount says", async () => {
    const file = corpusProgram('s000_50_refcount_scenario.py');
    const locals = await launchTo(file, 8);
    const a = named(locals, 'a');
    const graph = (await dc.customRequest('pyxray/objectGraph', { variablesReference: a.variablesReference })).body as ObjectGraphResponse;
    assert.equal(graph.root, a.memoryReference);
    const into = graph.edges.filter((e) => e.to === graph.root);
    assert.equal(into.length, expected.corpus.refcounts['s000_50_refcount_scenario.py a']['8']);
    assert.deepEqual(into.map((e) => e.label).sort(), ["['a']", "['b']"]);
    const holder = graph.nodes.find((n) => n.address === into[0].from)!;
    assert.equal(holder.type, 'dict');
    const out = graph.edges.filter((e) => e.from === graph.root).map((e) => graph.nodes.find((n) => n.address === e.to)!.repr);
    assert.deepEqual(out, ['1', '2', '3']);
  });

  it('the Memory scope lists arenas, pools and size classes', async () => {
    await launchTo(fixture('memory.py'), 9);
    const memory = await scopeVariables(dc, (await topFrame(dc)).id, 'Memory');
    assert.match(named(memory, 'arenas').value, /^\d+ \(1 MiB each\)$/);
    assert.ok(memory.some((v) => /^size class \d+ \(\d+ bytes\)$/.test(v.name)));
  });
});
