// `npm run package`: builds the esbuild bundles for shipping and packs them with vsce into
// pyxray-<version>.vsix (or the path given as the first argument). No node_modules go in: the
// bundles carry their dependencies, and .vscodeignore lets in only what VS Code loads. Everything
// is staged in a temporary folder (the bundles are built straight into it), so a build running
// meanwhile cannot change a file while vsce zips it.
// vsce packs offline.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { version, name } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(process.argv[2] ?? path.join(root, `${name}-${version}.vsix`));

const SHIPPED = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'syntaxes'];
const stage = mkdtempSync(path.join(os.tmpdir(), 'pyxray-package-'));
try {
  for (const file of SHIPPED) {
    if (existsSync(path.join(root, file))) cpSync(path.join(root, file), path.join(stage, file), { recursive: true });
  }
  // The bundles are built for shipping straight into the stage (minified, names kept, no maps);
  // dist/, which the tests run, is left as `npm run build` made it.
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--ship', path.join(stage, 'dist')], { cwd: root, stdio: 'inherit' });
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const license = existsSync(path.join(stage, 'LICENSE'));
  // Without a repository URL vsce cannot make README image links absolute; they stay relative
  // instead of failing the build (the screenshots are not shipped, to keep the .vsix small).
  const repository = Boolean(JSON.parse(readFileSync(path.join(stage, 'package.json'), 'utf8')).repository);
  execFileSync(process.execPath, [
    vsce, 'package', '--no-dependencies', '--allow-missing-repository', ...(repository ? [] : ['--no-rewrite-relative-links']), ...(license ? [] : ['--skip-license']), '--out', out,
  ], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`package: ${path.relative(process.cwd(), out)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
