// `npm run bench`: PyXray against CPython 3.11 (and the language server against pyright) on this
// machine, in one run, as ratios. A benchmark, not a test: it asserts nothing and is never part
// of `npm test`.
import { benchFrontend } from './frontend';
import { benchLanguageServer } from './lsp';
import { benchDebugAdapter } from './dap';
import { benchVm } from './vm';

async function main(): Promise<void> {
  // `node dist/bench.js dap`: only the debug adapter's section.
  if (process.argv[2] === 'dap') {
    await benchDebugAdapter();
    return;
  }
  // `node dist/bench.js vm`: only the VM's section.
  if (process.argv[2] === 'vm') {
    benchVm();
    return;
  }
  benchFrontend();
  console.log('');
  benchVm();
  console.log('');
  await benchLanguageServer();
  console.log('');
  await benchDebugAdapter();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
