// The GC's entry points that object code calls, as a leaf module with no imports of its own
// (object files import it without creating a load-time cycle with the collector). pyGc.ts
// installs the real functions; until then every hook does what a runtime without a cyclic GC
// would do.

import type { PyObject } from '../../objects/pyobject';
import type { PyDict } from '../../objects/dict';

export const gcSupport = {
  /**
   * subtype_dealloc of a heap type's instance: PEP 442 finalizer (`__del__`, which may
   * resurrect: then `obj.ob_refcnt > 0` afterwards and nothing else happens), weakref
   * clearing and callbacks, then the layout's own dealloc.
   */
  heapDealloc(obj: PyObject, layoutDealloc: (o: PyObject) => void): void {
    layoutDealloc(obj);
  },
  /** MAINTAIN_TRACKING: a dict that is not tracked just received `stored` (a GC object). */
  dictStoredContainer(_d: PyDict, _stored: PyObject): void {},
  /** The next dict made by the instance-attribute path is inline values (no gen0 count). */
  makeInlineDict(make: () => PyDict): PyDict {
    return make();
  },
  /** `obj.__dict__` was asked for: inline values become a real dict object. */
  materializeDict(_d: PyDict): void {},
  /** The first weakref to `obj` (its `__weakref__` attribute), or null. Borrowed. */
  firstWeakref(_obj: PyObject): PyObject | null {
    return null;
  },
};
