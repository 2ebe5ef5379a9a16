// `npm run bench`: PyXray against CPython 3.11 on this machine, in one run, as ratios.
// A benchmark, not a test: it asserts nothing and is never part of `npm test`.
import { benchFrontend } from './frontend';

function main(): void {
  benchFrontend();
}

main();
