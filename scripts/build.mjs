// One build for every entry point: each is bundled by esbuild into dist/ as a single CommonJS
// file for Node, so the shipped extension, adapter, server and CLI carry no node_modules.
// The extension host bundle is minified: it is mostly vscode-languageclient, loaded on every
// activation, and nobody steps through it; the runtime's bundles keep readable stack traces.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = {
  cli: { file: 'runtime/cli/main.ts' },
  bench: { file: 'test/bench/main.ts' },
  extension: { file: 'client/src/extension.ts', minify: true },
  server: { file: 'server/src/server.ts' },
  debugAdapter: { file: 'debug-adapter/src/main.ts' },
};

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
};

const present = Object.entries(entryPoints).filter(([, entry]) => existsSync(entry.file));
for (const minify of [false, true]) {
  const group = Object.fromEntries(present.filter(([, entry]) => Boolean(entry.minify) === minify).map(([name, entry]) => [name, entry.file]));
  if (Object.keys(group).length > 0) await build({ ...common, entryPoints: group, minify });
}
