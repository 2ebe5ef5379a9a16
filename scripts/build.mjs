// One build for every entry point: each is bundled by esbuild into dist/ as a single CommonJS
// file for Node, so the shipped extension, adapter, server and CLI carry no node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = {
  cli: 'runtime/cli/main.ts',
  bench: 'test/bench/main.ts',
  extension: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  debugAdapter: 'debug-adapter/src/main.ts',
};

const present = Object.fromEntries(Object.entries(entryPoints).filter(([, file]) => existsSync(file)));

await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
});
