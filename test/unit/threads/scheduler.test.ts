// The thread scheduler and the GIL (runtime/src/threads): the lost-update race on a shared
// counter appears under some schedule seeds and never with a Lock; a waiting thread gets the GIL
// within one switch interval of virtual time; two locks taken in opposite order are reported as
// a deadlock with each thread's stack instead of hanging; the same seed gives the same run.
import { strict as assert } from 'node:assert';
import { compileSource } from '../../../runtime/src/index';
import { runProgram, type RunOptions } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import type { GilHandover } from '../../../runtime/src/threads/scheduler';
import { prepareProgram } from '../../../runtime/src/vm/program';
import { threadView } from '../../../runtime/src/inspect/threadView';
import { PyBaseException } from '../../../runtime/src/objects/exceptions';

function run(source: string, options: RunOptions = {}): { output: string; exitCode: number; log: GilHandover[] } {
  const file = '/tmp/threads_test.py';
  const host = new MemoryHost(file, { [file]: source });
  const log: GilHandover[] = [];
  const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: 20_000_000, onHandover: (h) => log.push(h), ...options });
  return { output: host.output, exitCode, log };
}

// A Python call between the read and the write of `counter`: its RESUME is an eval-breaker
// check, so (as in CPython 3.11) the GIL can change hands in the middle of the update.
const RACE = (withLock: boolean) => `
import threading
counter = 0
lock = threading.Lock()
def add_one(v):
    return v + 1
def worker():
    global counter
    for _ in range(10000):
        ${withLock ? 'with lock:\n            counter = add_one(counter)' : 'counter = add_one(counter)'}
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
`;

describe('threads: the GIL on the virtual clock', () => {
  it('the lost-update race appears under some seeds, never with a Lock', function () {
    this.timeout(600_000); // 10 runs of 20000 updates: ~2 minutes on a loaded 2-core machine
    // A 1 ms switch interval: a few hand-overs during the 2 × 10000 updates.
    const results = [1, 2, 3, 4, 5, 6].map((seed) => Number(run(RACE(false), { seed, switchInterval: 0.001 }).output.trim()));
    assert.ok(results.every((n) => n > 0 && n <= 20000), `counts ${results}`);
    assert.ok(results.some((n) => n < 20000), `no lost update under any seed: ${results}`);
    for (const seed of [1, 2, 3]) assert.equal(run(RACE(true), { seed, switchInterval: 0.001 }).output.trim(), '20000');
    assert.equal(run(RACE(true), { switchInterval: 0.001 }).output.trim(), '20000');
  });

  it('the same seed gives the same interleaving', () => {
    const a = run(RACE(false), { seed: 7, switchInterval: 0.001 });
    const b = run(RACE(false), { seed: 7, switchInterval: 0.001 });
    assert.equal(a.output, b.output);
    assert.deepEqual(a.log.map((h) => [h.atNs, h.from?.name, h.to?.name, h.reason]), b.log.map((h) => [h.atNs, h.from?.name, h.to?.name, h.reason]));
  });

  it('a waiting thread gets the GIL within one switch interval', function () {
    this.timeout(600_000);
    const source = `
import sys, threading
print(sys.getswitchinterval())
def spin():
    n = 0
    for _ in range(200000):
        n += 1
threads = [threading.Thread(target=spin) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
`;
    for (const options of [{}, { seed: 3 }]) {
      const { output, log } = run(source, options);
      assert.equal(output, '0.005\n');
      const byInterval = log.filter((h) => h.reason === 'interval');
      assert.ok(byInterval.length > 2, 'CPU-bound threads take turns');
      // While both spin, the one waiting since the last hand-over gets the GIL at most one
      // interval (plus the tick that notices the drop request) later.
      for (let i = 1; i < log.length; i++) {
        if (log[i].reason === 'interval' && log[i - 1].reason === 'interval') assert.ok(log[i].atNs - log[i - 1].atNs <= 5_000_000 + 200, `gap ${log[i].atNs - log[i - 1].atNs} ns`);
      }
    }
  });

  it('sys.setswitchinterval changes the hand-over period', () => {
    const { log } = run(`
import sys, threading
sys.setswitchinterval(0.001)
def spin():
    for _ in range(100000):
        pass
t = threading.Thread(target=spin); u = threading.Thread(target=spin)
t.start(); u.start(); t.join(); u.join()
`);
    const gaps = log.slice(1).map((h, i) => (h.reason === 'interval' && log[i].reason === 'interval' ? h.atNs - log[i].atNs : 0)).filter((g) => g > 0);
    assert.ok(gaps.length > 0 && gaps.every((g) => g <= 1_000_200), `gaps ${gaps}`);
  });

  it('time.sleep is virtual: one second passes for the program, none for the test', () => {
    const started = Date.now();
    const { output } = run(`
import time, threading
t0 = time.monotonic()
def nap(s):
    time.sleep(s)
ts = [threading.Thread(target=nap, args=(s,)) for s in (1, 2, 3)]
for t in ts: t.start()
for t in ts: t.join()
print(round(time.monotonic() - t0, 2))
`);
    assert.equal(output, '3.0\n');
    assert.ok(Date.now() - started < 5000);
  });

  it('a deadlock (two locks in opposite order) is reported with every thread stack', () => {
    const { output, exitCode } = run(`
import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.1)
        with b:
            pass
def two():
    with b:
        time.sleep(0.1)
        with a:
            pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start(); t2.start()
t1.join()
print("unreachable")
`);
    assert.equal(exitCode, 1);
    assert.ok(!output.includes('unreachable'));
    assert.match(output, /^Fatal Python error: deadlock/m);
    const blocks = output.split(/\n(?=(?:Current thread|Thread) 0x)/).slice(1);
    assert.equal(blocks.length, 3, output);
    assert.match(output, /line 8 in one/);
    assert.match(output, /line 13 in two/);
    assert.match(output, /line 18 in <module>/);
  });

  it('threadView: each thread state, what it waits on, its frames; the GIL and its log', () => {
    const file = '/tmp/threads_view.py';
    const source = `
import threading, time
lock = threading.Lock()
def holder():
    with lock:
        time.sleep(10)
def waiter():
    with lock:
        pass
lock.acquire()
a = threading.Thread(target=waiter, name="W")
a.start()
time.sleep(0.5)
lock.acquire()
`;
    const host = new MemoryHost(file, { [file]: source });
    const program = prepareProgram(compileSource(source, file), host);
    assert.throws(() => program.start(), (e: unknown) => e instanceof PyBaseException);
    const view = threadView(program.interp);
    assert.equal(view.threads.length, 2);
    const [main, w] = view.threads;
    assert.equal(main.name, 'MainThread');
    assert.equal(main.state, 'blocked');
    assert.equal(main.blockedOn, 'lock');
    assert.equal(main.frames[main.frames.length - 1].code.co.co_name, '<module>');
    assert.equal(w.name, 'W');
    assert.equal(w.state, 'blocked');
    assert.ok(w.frames.some((f) => f.code.co.co_name === 'waiter'));
    assert.ok(Math.abs(view.virtualSeconds - 0.5) < 0.01, String(view.virtualSeconds));
    assert.equal(view.gil.switchInterval, 0.005);
    assert.deepEqual(view.gil.log.map((h) => [h.from, h.to, h.reason]), [['MainThread', 'W', 'blocking'], ['W', 'MainThread', 'blocking']]);
  });

  // Code called back from a native (a sort key, __eq__, a Python __next__ run by list()) is a
  // nested activation: it cannot return to the scheduler, so it hands the GIL over where it
  // stands and the other threads run on top of its JS stack until it is picked again.
  describe('inside native callbacks', () => {
    it('a sort key blocked on an Event continues when another thread sets it', () => {
      const { output, exitCode } = run(`
import threading, time
ev = threading.Event()
log = []
def key(x):
    if x == 2:
        log.append('key waits')
        ev.wait()
        log.append('key resumes')
    return -x
def setter():
    log.append('setter runs')
    time.sleep(0.1)
    log.append('setter sets')
    ev.set()
t = threading.Thread(target=setter); t.start()
t0 = time.monotonic()
print(sorted([1, 2, 3], key=key), round(time.monotonic() - t0, 2))
t.join()
print(log)
`);
      assert.equal(exitCode, 0, output);
      assert.equal(output, "[3, 2, 1] 0.1\n['setter runs', 'key waits', 'setter sets', 'key resumes']\n");
    });

    it('a long __eq__ (called by ==) hands the GIL over at its switch interval', () => {
      const { output, log } = run(`
import threading, sys
sys.setswitchinterval(0.001)
progress = []
class Slow:
    def __eq__(self, other):
        before = len(progress)
        n = 0
        for i in range(30000):
            n += i
        self.during = len(progress) - before
        return True
    __hash__ = object.__hash__
def worker():
    for i in range(30):
        progress.append(i)
        for _ in range(500):
            pass
t = threading.Thread(target=worker); t.start()
a = Slow()
print(a == Slow(), a.during > 0)
print({a: 1}[a], [a].count(Slow()))
t.join()
`);
      assert.equal(output, 'True True\n1 1\n');
      // the worker and the main thread (inside __eq__) alternate every millisecond
      const interval = log.filter((h) => h.reason === 'interval');
      assert.ok(interval.length >= 4, JSON.stringify(log.map((h) => [h.atNs, h.from?.name, h.to?.name, h.reason])));
      for (let i = 1; i < log.length; i++) {
        if (log[i].reason === 'interval' && log[i - 1].reason === 'interval') assert.ok(log[i].atNs - log[i - 1].atNs <= 1_000_200, `gap ${log[i].atNs - log[i - 1].atNs} ns`);
      }
    });

    it('a Python __next__ run by list() waits for an Event', () => {
      const { output, exitCode } = run(`
import threading, time
ev = threading.Event()
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        if self.n == 2: raise StopIteration
        ev.wait(); self.n += 1; return self.n
def setter():
    time.sleep(0.1); ev.set()
threading.Thread(target=setter).start()
print(list(It()))
`);
      assert.equal(exitCode, 0, output);
      assert.equal(output, '[1, 2]\n');
    });

    it('the main thread may end while a worker waits inside a sort key', () => {
      const { output, exitCode } = run(`
import threading, time
ev = threading.Event()
def key(x):
    ev.wait()
    return x
def worker():
    print(sorted([3, 1, 2], key=key))
t = threading.Thread(target=worker); t.start()
time.sleep(0.01)
ev.set()
print('main done')
`);
      assert.equal(exitCode, 0, output);
      assert.equal(output, 'main done\n[1, 2, 3]\n');
    });

    it('an import stays atomic: no hand-over while a module body runs', () => {
      const file = '/tmp/threads_test.py';
      const slowModule = 'import sys\nn = 0\nfor i in range(50000):\n    n += i\nDONE = True\n';
      const source = `
import threading, sys
sys.setswitchinterval(0.0001)
def spin():
    for _ in range(3000):
        pass
t = threading.Thread(target=spin); t.start()
import slowmod
print(slowmod.DONE)
t.join()
`;
      const host = new MemoryHost(file, { [file]: source, '/tmp/slowmod.py': slowModule });
      const log: GilHandover[] = [];
      const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: 20_000_000, onHandover: (h) => log.push(h) });
      assert.equal(exitCode, 0, host.output);
      assert.equal(host.output, 'True\n');
      // the spinning thread waited for the whole import (50000 iterations ≈ 0.01 s of virtual
      // time, a hundred switch intervals)
      const gaps = log.slice(1).map((h, i) => h.atNs - log[i].atNs);
      assert.ok(gaps.some((g) => g > 9_000_000), JSON.stringify(gaps));
    });
  });
});
