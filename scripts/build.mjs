// One build for every entry point: each is bundled by esbuild into dist/ as a single CommonJS
// file for Node, so the shipped extension, adapter, server and CLI carry no node_modules.
// The extension host bundle is minified: it is mostly vscode-languageclient, loaded on every
// activation, and nobody steps through it; the runtime's bundles keep readable stack traces.
// The webviews (memory map, GIL timeline) are bundled for the browser into dist/webview/ with
// their stylesheet and the codicon font (from @vscode/codicons, its stylesheet cut down to the
// icons the webviews use), the only files a webview's Content Security Policy lets it load.
//
// `node scripts/build.mjs --ship DIR` builds only what the .vsix carries, into DIR (the
// packaging stage, never dist/): every bundle minified with function and class names kept, so
// a user's stack trace still names the function, and without source maps.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const shipIndex = process.argv.indexOf('--ship');
const shipDir = shipIndex === -1 ? undefined : process.argv[shipIndex + 1];
const outRoot = shipDir ?? 'dist';

const entryPoints = {
  cli: { file: 'runtime/cli/main.ts' },
  bench: { file: 'test/bench/main.ts' },
  extension: { file: 'client/src/extension.ts', minify: true, shipped: true },
  server: { file: 'server/src/server.ts', shipped: true },
  debugAdapter: { file: 'debug-adapter/src/main.ts', shipped: true },
};

const webviewEntryPoints = {
  memoryMap: 'client/webview/memoryMap/main.ts',
  gilTimeline: 'client/webview/gilTimeline/main.ts',
};

/** The codicons the webviews' markup and scripts name (client/src/views/webviewBodies.ts, client/webview/). */
const CODICONS_USED = ['zoom-in', 'zoom-out', 'arrow-up', 'link-external', 'symbol-class', 'circle-slash', 'eye'];

const common = {
  outdir: outRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !shipDir,
  external: ['vscode'],
  logLevel: 'warning',
};

const present = Object.entries(entryPoints).filter(([, entry]) => existsSync(entry.file) && (!shipDir || entry.shipped));
if (shipDir) {
  await build({ ...common, entryPoints: Object.fromEntries(present.map(([name, entry]) => [name, entry.file])), minify: true, keepNames: true });
} else {
  for (const minify of [false, true]) {
    const group = Object.fromEntries(present.filter(([, entry]) => Boolean(entry.minify) === minify).map(([name, entry]) => [name, entry.file]));
    if (Object.keys(group).length > 0) await build({ ...common, entryPoints: group, minify });
  }
}

const webviews = Object.fromEntries(Object.entries(webviewEntryPoints).filter(([, file]) => existsSync(file)));
if (Object.keys(webviews).length > 0) {
  const webviewDir = path.join(outRoot, 'webview');
  await build({
    entryPoints: webviews, outdir: webviewDir, bundle: true, platform: 'browser', format: 'iife', target: 'chrome114', minify: true, sourcemap: false, logLevel: 'warning',
  });
  mkdirSync(webviewDir, { recursive: true });
  copyFileSync('client/webview/views.css', path.join(webviewDir, 'views.css'));
  const codicons = path.dirname(createRequire(import.meta.url).resolve('@vscode/codicons/dist/codicon.css'));
  copyFileSync(path.join(codicons, 'codicon.ttf'), path.join(webviewDir, 'codicon.ttf'));
  // Keep the font face and the base rule; of the ~600 one-line icon rules, only the used ones.
  const iconRule = /^\.codicon-([a-z0-9-]+):before \{ content: "\\[0-9a-f]+" \}$/;
  const stylesheet = readFileSync(path.join(codicons, 'codicon.css'), 'utf8').split('\n')
    .filter((line) => { const match = iconRule.exec(line); return !match || CODICONS_USED.includes(match[1]); });
  writeFileSync(path.join(webviewDir, 'codicon.css'), stylesheet.join('\n'));
}
