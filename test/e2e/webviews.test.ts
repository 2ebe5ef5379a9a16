// The webviews' own code (dist/webview/*.js, as packaged) in headless Chromium on fixture data,
// without VS Code: the page is the same markup (client/src/views/webviewBodies.ts) with a
// stand-in for acquireVsCodeApi that records what the view posts. Checks drawing, the legend,
// keyboard navigation with its announcements, and what a selection asks the host; the pictures
// go to test-artifacts/. The real extension host path is covered by codeServer.test.ts.
// PYXRAY_E2E=skip skips it and says so.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { compactHeap } from '../../client/src/views/heapEncoding';
import { GIL_TIMELINE_BODY, memoryMapBody } from '../../client/src/views/webviewBodies';
import { ARTIFACTS, CHROMIUM, installPrerequisites, ROOT } from './workbench';
import { gilFixture, largeHeap, smallHeap } from '../unit/client/fixtures';

const DIST = path.join(ROOT, 'dist/webview');

/** A dark theme's variables, as VS Code puts them on a webview's body. */
const THEME = `
  --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d; --vscode-sideBar-background: #181818;
  --vscode-focusBorder: #0078d4; --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-charts-blue: #3794ff;
  --vscode-charts-orange: #d18616; --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7; --vscode-charts-yellow: #cca700;
  --vscode-charts-red: #f14c4c; background: #181818;`;

function page(name: string, body: string, script: string): string {
  const file = path.join(ARTIFACTS, `webview-${name}.html`);
  writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="UTF-8">
<link rel="stylesheet" href="${pathToFileURL(path.join(DIST, 'codicon.css'))}">
<link rel="stylesheet" href="${pathToFileURL(path.join(DIST, 'views.css'))}">
<script>
  window.posted = [];
  let state;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => state, setState: (s) => { state = s; } });
</script></head><body class="vscode-dark" style="${THEME.replace(/\n/g, ' ')}">${body}
<script src="${pathToFileURL(path.join(DIST, script))}"></script></body></html>`);
  return pathToFileURL(file).toString();
}

/** The page's own globals (the project's TypeScript has no DOM library, hence the local shapes). */
type PageGlobals = {
  postMessage(data: unknown, origin: string): void;
  requestAnimationFrame(callback: () => void): void;
};

async function send(target: Page, message: unknown): Promise<void> {
  await target.evaluate((data) => (globalThis as unknown as PageGlobals).postMessage(data, '*'), message as object);
}

const posted = (target: Page) => target.evaluate(() => (globalThis as unknown as { posted: unknown[] }).posted);

describe('PyXray webviews in Chromium (fixture data)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let tab: Page;

  before(async function () {
    if (process.env.PYXRAY_E2E === 'skip') {
      console.log('      skipped: PYXRAY_E2E=skip');
      this.skip();
    }
    assert.ok(existsSync(path.join(DIST, 'memoryMap.js')), 'dist/webview is built (npm run build)');
    // Chromium comes with the e2e prerequisites (scripts/e2e-setup.sh, cached after the first time).
    if (!existsSync(CHROMIUM)) {
      this.timeout(30 * 60_000);
      installPrerequisites();
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
    tab = await browser.newPage({ viewport: { width: 520, height: 640 } });
  });

  after(async () => {
    await browser?.close();
  });

  it('memory map: draws the heap, lists the types, and a keyboard selection asks for the object', async () => {
    await tab.goto(page('memory-map', memoryMapBody(false), 'memoryMap.js'));
    assert.deepEqual(await posted(tab), [{ kind: 'ready' }]);
    await send(tab, { kind: 'heap', heap: compactHeap(smallHeap) });
    await tab.locator('#summary', { hasText: '4 blocks used' }).waitFor();
    const legend = await tab.locator('#legend').innerText();
    assert.match(legend, /int 1/);
    assert.match(legend, /list 1/);
    assert.match(legend, /new since the last stop \(1\)/);
    assert.match(legend, /freed since the last stop \(1\)/);
    assert.match(legend, /1 objects over 512 bytes/);
    // Something is drawn: the canvas is not blank.
    const painted = await tab.locator('#map').evaluate((element) => {
      type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const canvas = element as unknown as Canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count;
    });
    assert.ok(painted > 500, `${painted} pixels painted`);
    // Keyboard: focus, Enter zooms into the first pool, → moves to block 2, Enter selects it.
    await tab.locator('#map').focus();
    await tab.keyboard.press('ArrowRight');
    assert.match(await tab.locator('#announcer').innerText(), /size class 3, 64-byte blocks, 1 used of 2 \(50%\), 1 new since the last stop/);
    await tab.keyboard.press('ArrowLeft');
    await tab.keyboard.press('Enter');
    assert.match(await tab.locator('#summary').innerText(), /pool 0x7f0000000000/);
    await tab.keyboard.press('ArrowRight');
    assert.equal(await tab.locator('#announcer').innerText(), 'Block 2 of 5: float, new since the last stop.');
    await tab.keyboard.press('Enter');
    assert.deepEqual((await posted(tab)).at(-1), { kind: 'select', position: { arena: 0, pool: 0, block: 1 } });
    await send(tab, {
      kind: 'object',
      selected: { position: { arena: 0, pool: 0, block: 1 }, address: '0x7f0000000050', state: 'used', isNew: true, wasFreed: false, object: smallHeap.arenas[0].pools[0].blocks![1].object, heldBy: ['frame <module> line 3: global x'], watchName: 'x' },
    });
    const details = await tab.locator('#details').innerText();
    assert.match(details, /float at 0x7f0000000050/);
    assert.match(details, /refcount\s+1/);
    assert.match(details, /since the last stop\s+allocated/);
    await tab.locator('#details button', { hasText: 'Show x in Watch' }).click();
    assert.deepEqual((await posted(tab)).at(-1), { kind: 'watch', name: 'x' });
    await tab.screenshot({ path: path.join(ARTIFACTS, 'webview-memory-map-pool.png') });
    // Escape goes back to the whole heap.
    await tab.locator('#map').focus();
    await tab.keyboard.press('Escape');
    assert.doesNotMatch(await tab.locator('#summary').innerText(), /pool 0x/);
  });

  it('memory map: a heap of 130,000 blocks draws without freezing and scrolls', async () => {
    await tab.goto(page('memory-map-large', memoryMapBody(true), 'memoryMap.js'));
    const heap = compactHeap(largeHeap(2));
    const elapsed = await tab.evaluate(async (data) => {
      const page = globalThis as unknown as PageGlobals;
      const started = performance.now();
      page.postMessage({ kind: 'heap', heap: data }, '*');
      // Two frames: the message is handled, then the draw runs in the next animation frame.
      await new Promise<void>((resolve) => page.requestAnimationFrame(() => page.requestAnimationFrame(resolve)));
      return performance.now() - started;
    }, heap as unknown as object);
    await tab.locator('#summary', { hasText: '2 arenas, 128 pools' }).waitFor();
    console.log(`      first draw of 130,688 blocks: ${elapsed.toFixed(0)} ms`);
    assert.ok(elapsed < 1000, `first draw took ${elapsed.toFixed(0)} ms`);
    await tab.locator('#scroller').evaluate((el) => { el.scrollTop = 2000; });
    await tab.screenshot({ path: path.join(ARTIFACTS, 'webview-memory-map-large.png') });
  });

  it('memory map: says why when the adapter cannot answer', async () => {
    await tab.goto(page('memory-map-unavailable', memoryMapBody(false), 'memoryMap.js'));
    await send(tab, { kind: 'unavailable', text: 'The heap map is not available: no heap inspection in this runtime' });
    assert.equal(await tab.locator('#summary').innerText(), 'The heap map is not available: no heap inspection in this runtime');
  });

  it('GIL timeline: a row per thread, the holder in the summary, hand-overs in a table', async () => {
    await tab.goto(page('gil', GIL_TIMELINE_BODY, 'gilTimeline.js'));
    await send(tab, { kind: 'timeline', timeline: gilFixture });
    await tab.locator('#summary', { hasText: 'GIL held by Thread-1 (worker)' }).waitFor();
    assert.match(await tab.locator('#summary').innerText(), /waiting: MainThread · 3 switches · switch interval 5 ms/);
    assert.equal(await tab.locator('#chart svg rect').count(), 4);
    assert.equal(await tab.locator('#chart svg rect.open-span').count(), 1);
    const rows = await tab.locator('#handovers tr').allInnerTexts();
    assert.equal(rows.length, 4);
    assert.match(rows[0], /12 ms\s+MainThread\s+Thread-1 \(worker\)\s+released by a blocking call/);
    await tab.screenshot({ path: path.join(ARTIFACTS, 'webview-gil-timeline.png') });
  });
});
