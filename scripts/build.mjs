// One build for every entry point: each is bundled by esbuild into dist/ as a single CommonJS
// file for Node, so the shipped extension, adapter, server and CLI carry no node_modules.
// The extension host bundle is minified: it is mostly vscode-languageclient, loaded on every
// activation, and nobody steps through it; the runtime's bundles keep readable stack traces.
// The webviews (memory map, GIL timeline) are bundled for the browser into dist/webview/ with
// their stylesheet and the codicon font (from @vscode/codicons), the only files a webview's
// Content Security Policy lets it load.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const entryPoints = {
  cli: { file: 'runtime/cli/main.ts' },
  bench: { file: 'test/bench/main.ts' },
  extension: { file: 'client/src/extension.ts', minify: true },
  server: { file: 'server/src/server.ts' },
  debugAdapter: { file: 'debug-adapter/src/main.ts' },
};

const webviewEntryPoints = {
  memoryMap: 'client/webview/memoryMap/main.ts',
  gilTimeline: 'client/webview/gilTimeline/main.ts',
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

const webviews = Object.fromEntries(Object.entries(webviewEntryPoints).filter(([, file]) => existsSync(file)));
if (Object.keys(webviews).length > 0) {
  await build({
    entryPoints: webviews, outdir: 'dist/webview', bundle: true, platform: 'browser', format: 'iife', target: 'chrome114', minify: true, sourcemap: false, logLevel: 'warning',
  });
  mkdirSync('dist/webview', { recursive: true });
  copyFileSync('client/webview/views.css', 'dist/webview/views.css');
  const codicons = path.dirname(createRequire(import.meta.url).resolve('@vscode/codicons/dist/codicon.css'));
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(path.join(codicons, file), path.join('dist/webview', file));
}
