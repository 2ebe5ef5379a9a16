// asyncio on the runtime: each cases/*.py is compared with CPython 3.11's output committed next
// to it (python3 test/unit/asyncio/regen.py); tracebacks through library frames are dropped
// before comparing, as for the stdlib cases. Plus the virtual clock: sleeps pass program time,
// not wall time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import { runCase, dropLibraryFrames } from '../stdlib/runCase';

const casesDir = path.join(__dirname, 'cases');

describe('asyncio vs CPython 3.11', () => {
  const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.py')).sort();
  for (const c of cases) {
    it(c.replace(/\.py$/, ''), function () {
      this.timeout(120_000);
      const source = fs.readFileSync(path.join(casesDir, c), 'utf8');
      const expected = fs.readFileSync(path.join(casesDir, c.replace(/\.py$/, '.out')), 'utf8');
      assert.equal(dropLibraryFrames(runCase(source)), dropLibraryFrames(expected));
    });
  }
});

describe('asyncio on the virtual clock', () => {
  const gatherSleeps = (scale: number) => `
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    t0, m0 = loop.time(), time.monotonic()
    await asyncio.gather(asyncio.sleep(${scale}), asyncio.sleep(${2 * scale}), asyncio.sleep(${3 * scale}))
    print(loop.time() - t0, time.monotonic() - m0)

asyncio.run(main())
`;

  it('gather of sleeps of 1, 2 and 3 seconds takes 3 seconds of loop time', function () {
    this.timeout(120_000);
    const out = runCase(gatherSleeps(1));
    const [loopTime, monotonic] = out.trim().split(' ').map(Number);
    assert.ok(loopTime >= 3 && loopTime < 3.05, out);
    assert.ok(monotonic >= 3 && monotonic < 3.05, out);
  });

  it('sleeping passes program time, not wall time', function () {
    this.timeout(120_000);
    const t0 = Date.now();
    const out = runCase(gatherSleeps(1000));
    const wallSeconds = (Date.now() - t0) / 1000;
    const [loopTime] = out.trim().split(' ').map(Number);
    assert.ok(loopTime >= 3000 && loopTime < 3000.05, out);
    assert.ok(wallSeconds < 60, `took ${wallSeconds} s of wall time`);
  });

  // Executor jobs run on worker threads; each result must land when its own job ends, even when
  // the job is a callable object (to_thread's functools.partial: its Python __call__ runs in the
  // worker's loop, so the worker's sleep drops the GIL instead of pinning the other threads).
  it('run_in_executor and to_thread results land at their own times (1 s and 2 s), as under CPython', function () {
    this.timeout(120_000);
    const out = runCase(`
import asyncio, time, functools

def blocking(n):
    time.sleep(n)
    return n

async def timed(label, aw, t0, loop):
    r = await aw
    print(label, r, round(loop.time() - t0, 2))

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(timed('executor', loop.run_in_executor(None, blocking, 1), t0, loop),
                         timed('to_thread', asyncio.to_thread(blocking, 2), t0, loop))
    t0 = loop.time()
    await asyncio.gather(timed('to_thread', asyncio.to_thread(blocking, 1), t0, loop),
                         timed('partial', loop.run_in_executor(None, functools.partial(blocking, 2)), t0, loop))

asyncio.run(main())
`);
    // CPython 3.11 prints 1.0/2.0/1.0/2.0 plus its real thread start-up time (a few ms to 0.04 s).
    const lines = out.trim().split('\n').map((l) => l.split(' '));
    assert.deepEqual(lines.map((l) => `${l[0]} ${l[1]}`), ['executor 1', 'to_thread 2', 'to_thread 1', 'partial 2'], out);
    lines.forEach((l, i) => assert.ok(Math.abs(Number(l[2]) - [1, 2, 1, 2][i]) < 0.05, out));
  });
});
