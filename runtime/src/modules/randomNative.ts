// `_random`: the Mersenne Twister states behind Lib/random.py's Random class (runtime/lib/random.py).
// A Random instance holds an integer handle into `states`; the generator and seeding are the
// exact ports in random/** (MT19937, init_by_array, sha512 for str seeds).

import { newFloat } from '../objects/float';
import { newInt, newIntValue, PyInt } from '../objects/int';
import { PyStr } from '../objects/str';
import { PyFloat } from '../objects/float';
import { None } from '../objects/none';
import { newException, ValueError, TypeError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef } from '../memory/heap';
import { PyRandom } from './random/randomAlgorithms';
import { nativeModule, expectArgs } from './nativeModule';
import type { PyObject } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

export function makeRandomNative(_interp: Interpreter) {
  const m = nativeModule('_random');
  const states: PyRandom[] = [];
  const state = (o: PyObject) => states[Number((o as PyInt).value)];
  m.def('new_state', () => {
    states.push(new PyRandom());
    return newInt(states.length - 1);
  });
  m.def('seed', (_s, args, kw) => {
    expectArgs('seed', args, kw, 2);
    const r = state(args[0]);
    const a = args[1];
    if (a === None) {
      const bytes = new Uint8Array(2496);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
      r.seedEntropy(bytes);
    } else if (a instanceof PyInt) r.seedInt(a.value);
    else if (a instanceof PyStr) r.seedString(a.value);
    else if (a instanceof PyFloat || a.ob_type.name === 'NoneType') r.seedHash(A.hash(a));
    else throw newException(TypeError, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    return newRef(None);
  });
  m.def('random', (_s, args) => newFloat(state(args[0]).random()));
  m.def('getrandbits', (_s, args, kw) => {
    expectArgs('getrandbits', args, kw, 2);
    const k = A.indexNumber(args[1]);
    if (k < 0) throw newException(ValueError, 'number of bits must be non-negative');
    return newIntValue(state(args[0]).getrandbits(k));
  });
  m.def('randbelow', (_s, args, kw) => {
    expectArgs('randbelow', args, kw, 2);
    return newIntValue(state(args[0]).randbelow(A.indexValue(args[1])));
  });
  return m.module;
}
