// `npm run bench`: PyXray against CPython 3.11 (and the language server against pyright) on this
// machine, in one run, as ratios. A benchmark, not a test: it asserts nothing and is never part
// of `npm test`.
import { benchFrontend } from './frontend';
import { benchLanguageServer } from './lsp';
import { benchVm } from './vm';

async function main(): Promise<void> {
  benchFrontend();
  console.log('');
  benchVm();
  console.log('');
  await benchLanguageServer();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
