// The time module: clock reads, sleep and the calendar basics. The clocks follow the virtual
// clock of the thread scheduler (threads/clock.ts): time.sleep(1) returns at once in wall time
// while the program sees one second pass, and the same program reads the same durations on every
// run. The run option `realTime` switches the reads back to the host's clocks (sleep stays
// virtual, so a sleeping thread still lets the others run).

import { newFloat } from '../objects/float';
import { newInt, newIntValue, PyInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { newTupleSteal, PyTuple } from '../objects/tuple';
import { None } from '../objects/none';
import { newException, ValueError, TypeError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef } from '../memory/heap';
import { nativeModule, floatArg, expectArgs } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';
import type { PyObject } from '../objects/pyobject';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Broken { year: number; mon: number; mday: number; hour: number; min: number; sec: number; wday: number; yday: number }

/** UTC calendar fields of an epoch time (localtime is UTC here: the runtime has no time zone). */
function breakDown(t: number): Broken {
  const d = new Date(Math.floor(t) * 1000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), mon: d.getUTCMonth() + 1, mday: d.getUTCDate(), hour: d.getUTCHours(),
    min: d.getUTCMinutes(), sec: d.getUTCSeconds(), wday: (d.getUTCDay() + 6) % 7,
    yday: Math.floor((d.getTime() - start) / 86400000) + 1,
  };
}

function structTime(b: Broken): PyObject {
  return newTupleSteal([b.year, b.mon, b.mday, b.hour, b.min, b.sec, b.wday, b.yday, 0].map((v) => newInt(v)));
}

function fromTuple(o: PyObject): Broken {
  const items = A.toArray(o);
  if (items.length !== 9) throw newException(TypeError, 'time.struct_time() takes a sequence of length 9');
  const v = items.map((x) => Number((x as PyInt).value));
  return { year: v[0], mon: v[1], mday: v[2], hour: v[3], min: v[4], sec: v[5], wday: v[6], yday: v[7] };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function strftime(fmt: string, b: Broken): string {
  return fmt.replace(/%(.)/g, (_m, c: string) => {
    switch (c) {
      case 'Y': return String(b.year);
      case 'y': return pad(b.year % 100);
      case 'm': return pad(b.mon);
      case 'd': return pad(b.mday);
      case 'H': return pad(b.hour);
      case 'I': return pad(((b.hour + 11) % 12) + 1);
      case 'M': return pad(b.min);
      case 'S': return pad(b.sec);
      case 'p': return b.hour < 12 ? 'AM' : 'PM';
      case 'j': return pad(b.yday, 3);
      case 'a': return DAY_NAMES[b.wday].slice(0, 3);
      case 'A': return DAY_NAMES[b.wday];
      case 'b': return MONTH_NAMES[b.mon - 1].slice(0, 3);
      case 'B': return MONTH_NAMES[b.mon - 1];
      case 'w': return String((b.wday + 1) % 7);
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

export function makeTime(interp: Interpreter) {
  const m = nativeModule('time');
  const readClock = (kind: 'wall' | 'monotonic'): number => {
    const threads = interp.threads;
    if (threads.clock.realTime) {
      const perf = (globalThis as { performance?: { now(): number } }).performance;
      return kind === 'wall' ? Date.now() / 1000 : (perf ? perf.now() : Date.now()) / 1000;
    }
    const seconds = threads.nowNs() / 1e9;
    return kind === 'wall' ? threads.clock.epochStart + seconds : seconds;
  };
  const clock = (name: string, kind: 'wall' | 'monotonic') =>
    m.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 0);
      return newFloat(readClock(kind));
    });
  clock('time', 'wall');
  clock('perf_counter', 'monotonic');
  clock('monotonic', 'monotonic');
  // CPU time: the eval-breaker ticks run so far, not the time spent sleeping or blocked.
  m.def('process_time', (_s, args, kw) => {
    expectArgs('process_time', args, kw, 0);
    return newFloat(interp.threads.clock.realTime ? readClock('monotonic') : interp.threads.cpuNs() / 1e9);
  });
  const nsClock = (name: string, kind: 'wall' | 'monotonic') =>
    m.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 0);
      return newIntValue(BigInt(Math.floor(readClock(kind) * 1e9)));
    });
  nsClock('time_ns', 'wall');
  nsClock('perf_counter_ns', 'monotonic');
  nsClock('monotonic_ns', 'monotonic');
  m.def('sleep', (_s, args, kw) => {
    expectArgs('sleep', args, kw, 1);
    const secs = floatArg(args[0]);
    if (secs < 0) throw newException(ValueError, 'sleep length must be non-negative');
    // Blocking: the thread drops the GIL until its deadline (rerun after waking: threads/scheduler.ts).
    const threads = interp.threads;
    for (;;) {
      if (threads.retryState() !== null) {
        threads.done();
        return newRef(None);
      }
      if (secs === 0) {
        if (threads.ready.length === 0) return newRef(None);
        threads.block(null, threads.nowNs(), 'sleep');
      } else threads.block(null, threads.nowNs() + Math.round(secs * 1e9), 'sleep');
    }
  });
  const broken = (name: string) =>
    m.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 0, 1);
      const t = args.length === 0 || args[0] === None ? readClock('wall') : floatArg(args[0]);
      return structTime(breakDown(t));
    });
  broken('localtime');
  broken('gmtime');
  m.def('strftime', (_s, args, kw) => {
    expectArgs('strftime', args, kw, 1, 2);
    if (!(args[0] instanceof PyStr)) throw newException(TypeError, `strftime() argument 1 must be str, not ${A.typeName(args[0])}`);
    const b = args.length > 1 ? fromTuple(args[1]) : breakDown(readClock('wall'));
    return newStr(strftime(args[0].value, b));
  });
  m.def('ctime', (_s, args, kw) => {
    expectArgs('ctime', args, kw, 0, 1);
    const b = breakDown(args.length === 0 || args[0] === None ? readClock('wall') : floatArg(args[0]));
    return newStr(strftime(`%a %b ${String(b.mday).padStart(2, ' ')} %H:%M:%S %Y`, b));
  });
  m.def('mktime', (_s, args, kw) => {
    expectArgs('mktime', args, kw, 1);
    if (!(args[0] instanceof PyTuple)) throw newException(TypeError, 'Tuple or struct_time argument required');
    const b = fromTuple(args[0]);
    return newFloat(Date.UTC(b.year, b.mon - 1, b.mday, b.hour, b.min, b.sec) / 1000);
  });
  m.put('timezone', newInt(0));
  m.put('altzone', newInt(0));
  m.put('daylight', newInt(0));
  m.put('tzname', newTupleSteal([newStr('UTC'), newStr('UTC')]));
  return m.module;
}
