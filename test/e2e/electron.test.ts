// The e2e checks in a VS Code desktop build through @vscode/test-electron, for machines that
// have one: PYXRAY_VSCODE_EXECUTABLE names its executable. Nothing is downloaded; without a
// desktop build the suite is skipped and says why (the code-server suite covers the UI here).

import { mkdirSync, mkdtempSync, copyFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ARTIFACTS, ROOT } from './workbench';

describe('VS Code desktop end to end (@vscode/test-electron)', function () {
  this.timeout(10 * 60_000);

  it('shows hints, the bytecode listing, variables at a breakpoint and the disassembly', async function () {
    const executable = process.env.PYXRAY_VSCODE_EXECUTABLE;
    if (!executable || !existsSync(executable)) {
      console.log('      skipped: no VS Code desktop build on this machine (set PYXRAY_VSCODE_EXECUTABLE to its executable; the code-server suite runs the same checks)');
      this.skip();
    }
    const { runTests } = await import('@vscode/test-electron');
    mkdirSync(ARTIFACTS, { recursive: true });
    const suite = path.join(ARTIFACTS, 'electron-suite.js');
    await build({ entryPoints: [path.join(__dirname, 'electron/suite.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'pyxray-electron-'));
    copyFileSync(path.join(ROOT, 'test/corpus/seeds/s000_62_closure_no_global.py'), path.join(workspace, 'closure.py'));
    copyFileSync(path.join(ROOT, 'test/corpus/seeds/s001_19_mro_multiple_inheritance.py'), path.join(workspace, 'mro.py'));
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  });
});
