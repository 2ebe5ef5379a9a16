// Run limits shared by the eval loop and the thread scheduler (kept apart so both import it
// without an import cycle).

/** Thrown (not a Python exception: nothing can catch it) when a run exceeds its limits. */
export class LimitExceeded extends Error {}
