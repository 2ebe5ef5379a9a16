// `npm run package`: builds the esbuild bundles and packs them with vsce into pyxray-<version>.vsix
// (or the path given as the first argument). No node_modules go in: the bundles carry their
// dependencies, and .vscodeignore lets in only what VS Code loads. vsce packs offline.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { version, name } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(process.argv[2] ?? path.join(root, `${name}-${version}.vsix`));

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((file) => { try { return statSync(path.join(root, file)).isFile(); } catch { return false; } });
execFileSync(process.execPath, [
  vsce, 'package', '--no-dependencies', '--allow-missing-repository', ...(license ? [] : ['--skip-license']), '--out', out,
], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`package: ${path.relative(process.cwd(), out)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
