// The collector wired to real objects: what the inspect API reports while and after a program
// runs, checked against facts that follow from CPython 3.11's rules (a fresh list is in
// generation 0 and moves to 1 after collect(0); ints are never tracked; a plain instance's
// attributes are inline values, not a dict object; reading referents changes no refcount;
// automatic collections are reported as such). The numbers programs print are checked against
// CPython itself by the gc_/weakref_/del_ probes (test/golden/probes).
import { strict as assert } from 'node:assert';
import { compileSource } from '../../../runtime/src/index';
import { prepareProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import {
  gcStateView, gcGenerationOf, gcReferents, gcReferrers, gcObjects, gcGarbage, onGcEvent, type GcEvent,
} from '../../../runtime/src/inspect/index';
import type { PyObject } from '../../../runtime/src/objects/pyobject';
import type { PyDict } from '../../../runtime/src/objects/dict';

/** Run `source` as __main__ and return its globals (the run is not finalized, objects stay alive). */
function run(source: string): { globals: PyDict; output: () => string } {
  const file = '/tmp/gc_wiring.py';
  const host = new MemoryHost(file, { [file]: source });
  const p = prepareProgram(compileSource(source, file), host);
  p.start();
  return { globals: p.mainGlobals, output: () => host.output };
}

function global(g: PyDict, name: string): PyObject {
  const v = g.getStr(name);
  assert.ok(v !== undefined, `no global ${name}`);
  return v;
}

describe('gc wiring: the inspect API over a running program', () => {
  it('reports the generation of a list, untracked atoms, and moves on collect(0)', () => {
    const { globals } = run('import gc\nfresh = []\nn = 10**20\nold = []\ngc.collect(0)\nnewer = []\n');
    assert.equal(gcGenerationOf(global(globals, 'old')), 1);
    assert.equal(gcGenerationOf(global(globals, 'newer')), 0);
    assert.equal(gcGenerationOf(global(globals, 'n')), 'untracked');
    const gen1 = gcObjects(1);
    assert.ok(gen1.includes(global(globals, 'fresh')));
  });

  it('records explicit and automatic collections, with results', () => {
    const events: GcEvent[] = [];
    const stop = onGcEvent((e) => events.push(e));
    try {
      run([
        'import gc',
        'gc.collect()',
        'l = []; l.append(l); del l',
        'print(gc.collect())',
        'gc.set_threshold(20)',
        'keep = [[] for i in range(100)]',
      ].join('\n'));
    } finally {
      stop();
    }
    const explicit = events.filter((e) => !e.automatic && e.phase === 'stop');
    assert.deepEqual(explicit.map((e) => [e.generation, e.collected]), [[2, 0], [2, 1]]);
    const automatic = events.filter((e) => e.automatic && e.phase === 'stop');
    assert.ok(automatic.length >= 4, `automatic collections: ${automatic.length}`);
    assert.ok(automatic.every((e) => e.generation === 0 || e.generation === 1 || e.generation === 2));
    // every start has its stop
    assert.equal(events.filter((e) => e.phase === 'start').length, events.filter((e) => e.phase === 'stop').length);
    const state = gcStateView();
    assert.equal(state.collections, explicit.length + automatic.length);
    assert.equal(state.generations[0].threshold, 20);
    assert.equal(state.recent[state.recent.length - 1].automatic, true);
    assert.equal(state.stats[2].collections, 2);
  });

  it('a listener that unsubscribed hears nothing', () => {
    const events: GcEvent[] = [];
    onGcEvent((e) => events.push(e))();
    run('import gc\ngc.collect()\n');
    assert.equal(events.length, 0);
  });

  it('keeps plain instances\' attributes inline: one tracked object, no dict object', () => {
    const { globals } = run([
      'import gc',
      'class A: pass',
      'gc.collect()',
      'c0 = gc.get_count()[0]',
      'a = A()',
      'a.x = []',
      'a.y = 1',
      'delta = gc.get_count()[0] - c0',
    ].join('\n'));
    const a = global(globals, 'a');
    assert.equal(gcGenerationOf(a), 0);
    assert.equal(gcGenerationOf(a.dict!), 'untracked');
    // get_count's tuple (1) + A() (1) + the list (1)
    assert.equal(Number((global(globals, 'delta') as unknown as { value: number }).value), 3);
    assert.deepEqual(gcReferents(a).slice(0, 2), [global(globals, 'a').dict!.getStr('x'), global(globals, 'a').dict!.getStr('y')]);
  });

  it('reads referents and referrers without changing a refcount', () => {
    const { globals } = run('x = [1, 2]\nholder = [x]\nd = {"k": x}\n');
    const x = global(globals, 'x');
    const before = x.ob_refcnt;
    const referrers = gcReferrers(x);
    assert.ok(referrers.includes(global(globals, 'holder')));
    assert.ok(referrers.includes(global(globals, 'd')));
    assert.ok(referrers.includes(globals));
    assert.equal(gcReferents(global(globals, 'holder'))[0], x);
    assert.equal(x.ob_refcnt, before);
  });

  it('shows gc.garbage under DEBUG_SAVEALL', () => {
    run('import gc\ngc.collect()\ngc.set_debug(gc.DEBUG_SAVEALL)\na = []\nb = [a]\na.append(b)\ndel a, b\ngc.collect()\n');
    const garbage = gcGarbage();
    assert.equal(garbage.length, 2);
    assert.equal(gcStateView().garbage, 2);
  });

  it('a resurrecting __del__ keeps the object tracked and finalized once', () => {
    const { globals, output } = run([
      'import gc',
      'saved = []',
      'class R:',
      '    def __del__(self):',
      '        print("del")',
      '        saved.append(self)',
      'r = R()',
      'del r',
      'print(len(saved), gc.is_finalized(saved[0]))',
      'saved.clear()',
      'print("cleared")',
    ].join('\n'));
    assert.equal(output(), 'del\n1 True\ncleared\n');
    assert.equal((global(globals, 'saved') as unknown as { items: PyObject[] }).items.length, 0);
  });
});
