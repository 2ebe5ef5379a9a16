// `pyxray run` against CPython 3.11 on every corpus program of the "concurrency" group that uses
// multiprocessing. Deterministic programs (manifest deterministic=yes) must print exactly
// CPython's .out (normalised like test/golden/corpusRun.test.ts) with CPython's exit code. For
// each nondeterministic one, NONDETERMINISTIC states what CPython guarantees for it (process
// timing, pids and interleaved writes vary between runs) and the test checks exactly that.
// Prints "multiprocessing corpus: N/M".
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource, normalizeNewlines } from '../../../runtime/src/index';
import { runProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import { normalise } from '../../unit/vm/normalize';

const CORPUS = path.join(__dirname, '..', '..', 'corpus');
const SEEDS = path.join(CORPUS, 'seeds');
const TICK_LIMIT = 50_000_000;

interface Row { name: string; deterministic: boolean; exit: number }

function multiprocessingRows(): Row[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => l.split('\t')).filter(([name, group]) => group === 'concurrency'
    && /^\s*(import multiprocessing|from multiprocessing)/m.test(fs.readFileSync(path.join(SEEDS, `${name}.py`), 'utf8')))
    .map(([name, , det, exit]) => ({ name, deterministic: det === 'yes', exit: Number(exit) }));
}

function run(name: string): { output: string; exitCode: number } {
  const file = path.join(SEEDS, `${name}.py`);
  const source = normalizeNewlines(fs.readFileSync(file, 'utf8'));
  const host = new MemoryHost(file, { [file]: source }, '');
  try {
    const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: TICK_LIMIT });
    return { output: normalise(host.output, SEEDS), exitCode };
  } catch (error) {
    return { output: normalise(host.output, SEEDS) + `\n<<crash: ${(error as Error).stack}>>`, exitCode: -1 };
  }
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const sorted = (xs: string[]) => [...xs].sort();
/** Output with the newlines removed: prints from different processes may interleave mid-line. */
const flat = (text: string) => text.replace(/\n/g, '');
const count = (text: string, piece: string) => text.split(piece).length - 1;
const withoutPids = (text: string) => text.replace(/\d{3,}/g, 'PID');
/** Which of the two consumers took an item varies: mask their names. */
const withoutConsumer = (text: string) => text.replace(/mengmeng|xiaoxiao/g, 'CONSUMER');

/** What CPython guarantees for each nondeterministic multiprocessing program, as a check. */
const NONDETERMINISTIC: Record<string, { guarantee: string; check: (ours: string, cpython: string) => void }> = {
  s001_45_mp_process_pid: {
    guarantee: 'one line from the child with its pid, which is not the parent\'s',
    check: (ours) => {
      const o = lines(ours);
      assert.equal(o.length, 1);
      assert.match(o[0], /^子进程 1，PID: \d+，启动！$/);
    },
  },
  s001_46_mp_queue: {
    guarantee: 'the producer puts 0..9 and the consumer gets 0..9, each in order, each process with one pid of '
      + 'its own; the same lines once pids are masked',
    check: (ours, cpython) => {
      const o = lines(ours);
      assert.deepEqual(sorted(o.map(withoutPids)), sorted(lines(cpython).map(withoutPids)));
      const prod = o.filter((l) => l.startsWith('生产者'));
      const cons = o.filter((l) => l.startsWith('消费者'));
      assert.deepEqual(prod.map((l) => l.split('，')[1]), [...Array(10).keys()].map((i) => `生产了 ${i}`));
      assert.deepEqual(cons.map((l) => l.split('，')[1]), [...Array(10).keys()].map((i) => `消费了 ${i}`));
      const pid = (l: string) => l.split(' ')[1].split('，')[0];
      assert.equal(new Set(prod.map(pid)).size, 1);
      assert.equal(new Set(cons.map(pid)).size, 1);
      assert.notEqual(pid(prod[0]), pid(cons[0]));
    },
  },
  s001_48_mp_pool_map: {
    guarantee: 'each of the four workers prints its message once (writes may interleave mid-line); map returns '
      + 'the results in argument order',
    check: (ours) => {
      for (const n of [1, 2, 3, 4]) assert.equal(count(flat(ours), `计算 ${n} 的平方...`), 1);
      assert.equal(lines(ours).at(-1), '结果: [1, 4, 9, 16]');
    },
  },
  s001_50_mp_manager_dict: {
    guarantee: 'the three processes update the shared dict one at a time under the lock, in some order: each '
      + 'line shows the keys added so far in that order, and the final dict has all three in that order',
    check: (ours) => {
      const o = lines(ours);
      assert.equal(o.length, 4);
      const order: string[] = [];
      for (const l of o.slice(0, 3)) {
        const m = /^进程 (key_\d) 修改了数据: (.*)$/.exec(l);
        assert.ok(m, l);
        order.push(m![1]);
        assert.equal(m![2], `{${order.map((k) => `'${k}': 'value_${k.slice(4)}'`).join(', ')}}`);
      }
      assert.deepEqual(sorted(order), ['key_0', 'key_1', 'key_2']);
      assert.equal(o[3], `最终共享字典内容: {${order.map((k) => `'${k}': 'value_${k.slice(4)}'`).join(', ')}}`);
    },
  },
  s002_70_multiprocessing_process: {
    guarantee: 'each process prints its start and its end (the sums 5050, 4950, 4851) once, start before end; '
      + 'writes may interleave mid-line',
    check: (ours) => {
      const text = flat(ours);
      for (const [name, sum] of [['A', 5050], ['B', 4950], ['C', 4851]] as const) {
        assert.equal(count(text, `${name} - start`), 1);
        assert.equal(count(text, `${name} - end with ${sum}`), 1);
        assert.ok(text.indexOf(`${name} - start`) < text.indexOf(`${name} - end`));
      }
    },
  },
  s003_14_daemon_process: {
    guarantee: 'the main process prints first; the non-daemon child runs to its end (456, end456); the daemon '
      + 'child is terminated when the main code ends: it may print 123 but never end123',
    check: (ours) => {
      const text = flat(ours);
      assert.ok(text.startsWith('main-----'));
      assert.equal(count(text, '456'), 2);
      assert.equal(count(text, 'end456'), 1);
      assert.equal(count(text, 'end123'), 0);
      assert.ok(count(text, '123') <= 1);
    },
  },
  s003_16_mp_queue_write_read: {
    guarantee: 'both process reprs before start (name, parent pid, initial); every letter is put then got, in '
      + 'order A..E; the same lines once pids are masked',
    check: (ours, cpython) => {
      const o = lines(ours);
      assert.match(o[0], /^write process = {2}<Process name='Process-1' parent=\d+ initial>$/);
      assert.match(o[1], /^read process = {2}<Process name='Process-2' parent=\d+ initial>$/);
      assert.deepEqual(sorted(o.slice(2)), sorted(lines(cpython).slice(2)));
      for (const x of 'ABCDE') assert.ok(o.indexOf(`Put ${x} to queue`) < o.indexOf(`get ${x} from queue`));
      assert.deepEqual(o.filter((l) => l.startsWith('get')), [...'ABCDE'].map((x) => `get ${x} from queue`));
    },
  },
  s003_20_process_memory_isolated: {
    guarantee: 'the child\'s `global n; n = 0` does not reach the parent: the parent prints 100, the child 0, in '
      + 'either order',
    check: (ours, cpython) => assert.deepEqual(sorted(lines(ours)), sorted(lines(cpython))),
  },
  s003_21_pool_apply_async_callback: {
    guarantee: '"end" first (apply_async does not wait), then one callback line per task 100..109 in completion '
      + 'order',
    check: (ours, cpython) => {
      assert.equal(lines(ours)[0], 'end');
      assert.deepEqual(sorted(lines(ours)), sorted(lines(cpython)));
    },
  },
  s003_26_pool_map_apply_variants: {
    guarantee: 'map and apply results come first in call order ([10, 20, 30], 11, 22); the three async callbacks '
      + 'append [10, 20, 30], 11 and 22 in completion order',
    check: (ours) => {
      const o = lines(ours);
      assert.equal(o.length, 1);
      assert.ok(o[0].startsWith('[10, 20, 30, 11, 22, '), o[0]);
      const tail = o[0].slice('[10, 20, 30, 11, 22, '.length, -1);
      const parts = tail.match(/\[[^\]]*\]|\d+/g)!;
      assert.deepEqual(sorted(parts), sorted(['[10, 20, 30]', '11', '22']));
    },
  },
  s003_27_apply_async_foo_pool: {
    guarantee: 'the callbacks collect the ten squares in completion order: a permutation of 0, 1, 4, ..., 81',
    check: (ours) => {
      const o = lines(ours);
      assert.equal(o.length, 1);
      const values = o[0].slice(1, -1).split(', ').map(Number);
      assert.deepEqual([...values].sort((a, b) => a - b), [...Array(10).keys()].map((i) => i * i));
    },
  },
  s003_28_mp_queue_producer_consumer: {
    guarantee: 'every one of the 20 items is produced and consumed once (by either consumer), both consumers get '
      + 'a None and say so, the main process prints its line once: the same multiset of lines once the '
      + 'consumer names are masked',
    check: (ours, cpython) => assert.deepEqual(sorted(lines(ours).map(withoutConsumer)), sorted(lines(cpython).map(withoutConsumer))),
  },
  s003_29_joinable_queue: {
    guarantee: 'every item is produced and consumed once; the producers return only after the queue is fully '
      + 'consumed (join), so the main process\'s line comes last; the daemon consumers never see None',
    check: (ours, cpython) => {
      assert.deepEqual(sorted(lines(ours).map(withoutConsumer)), sorted(lines(cpython).map(withoutConsumer)));
      assert.equal(lines(ours).at(-1), ' 主程序结束.....');
    },
  },
};

describe('pyxray run vs CPython 3.11 on the multiprocessing corpus programs', () => {
  const rows = multiprocessingRows();
  let passed = 0;
  after(() => console.log(`      multiprocessing corpus: ${passed}/${rows.length}`));
  for (const row of rows) {
    it(`${row.name}${row.deterministic ? '' : ' (nondeterministic)'}`, function () {
      this.timeout(180_000);
      const expected = fs.readFileSync(path.join(SEEDS, `${row.name}.out`), 'utf8');
      const { output, exitCode } = run(row.name);
      assert.equal(exitCode, row.exit, output);
      if (row.deterministic) assert.equal(output, expected);
      else {
        const rule = NONDETERMINISTIC[row.name];
        assert.ok(rule, `${row.name}: write down what CPython guarantees for it`);
        rule.check(output, expected);
      }
      passed++;
    });
  }
});
