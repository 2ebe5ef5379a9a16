// The packaged extension in a real VS Code workbench (code-server in headless Chromium),
// checked through the UI as a person would see it: scope and MRO inlay hints, the "show
// bytecode" code lens opening the listing, F5 stopping at a breakpoint in a closure with
// values in the Variables view, the Disassembly view, the hover on a free variable (scope and
// LOAD_DEREF), F2 rename across the closure, and the UnboundLocalError warning in the Problems
// panel; semantic tokens coloured by scope; while stopped: the refcount in the debug hover, the
// next instruction marked in the bytecode listing and moving with an instruction step, the
// memory map in a panel and in the side bar (select a block, see its object; what changed since
// the last stop), the GC and GIL views, the status bar; inline values with refcounts and cells;
// the GIL holder in the Call Stack of a two-thread snippet.
// Screenshots go to test-artifacts/.
// PYXRAY_E2E=skip skips the suite and says so; nothing is skipped silently.

import assert from 'node:assert/strict';
import { installPrerequisites, packageExtension, SCOPE_COLORS, Workbench } from './workbench';

const UI_TIMEOUT = 60_000;

describe('VS Code end to end (code-server + Chromium)', function () {
  this.timeout(UI_TIMEOUT * 2);
  const workbench = new Workbench();

  before(async function () {
    if (process.env.PYXRAY_E2E === 'skip') {
      console.log('      skipped: PYXRAY_E2E=skip');
      this.skip();
    }
    // A fresh machine installs code-server and builds its native modules: minutes, once.
    this.timeout(30 * 60_000);
    installPrerequisites();
    const vsix = packageExtension();
    const started = Date.now();
    await workbench.start(vsix);
    console.log(`      workbench ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench.page) {
      const shot = await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
      console.log(`      screenshot: ${shot}`);
    }
  });

  after(async () => {
    await workbench.stop();
  });

  const editorText = () => workbench.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();

  /** Expands (or collapses) a pane of the Run and Debug side bar by its title, clear of hover tooltips. */
  const setPane = async (title: string, expanded: boolean) => {
    await workbench.page.keyboard.press('Control+Shift+D');
    const header = workbench.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ timeout: UI_TIMEOUT });
    if (((await header.getAttribute('aria-expanded')) === 'true') === expanded) return;
    // A tooltip left by the last click would take this one: move away and let it go.
    await workbench.page.mouse.move(900, 720);
    await workbench.page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT }).catch(() => undefined);
    await header.click();
  };

  /** Stops the PyXray session a test before left running or stopped, if any. */
  const endSession = async () => {
    const session = workbench.page.locator('.statusbar-item', { hasText: 'PyXray:' }).first();
    // A session a test just stopped takes a moment to go.
    await session.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    if (await session.isVisible()) {
      // The Stop button of the debug toolbar (docked in the Run and Debug view): a click works
      // wherever the keyboard focus is, even inside a webview.
      const stop = workbench.page.locator('.action-label.codicon-debug-stop').first();
      // (Clicking the activity bar's Run and Debug while it is open would close the side bar.)
      if (!(await stop.isVisible())) await workbench.page.locator('.activitybar .action-item a[aria-label^="Run and Debug"]').first().click();
      await stop.click();
      await session.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    }
  };

  it('shows the MRO after a class line and closure cells after a def', async () => {
    await workbench.openFile('mro.py');
    await editorText().filter({ hasText: 'MRO: D → B2 → A2 → B → C → A → object' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('inlay-hints-mro');
    await workbench.openFile('closure.py');
    await editorText().filter({ hasText: 'cells: outer_variable' }).waitFor({ timeout: UI_TIMEOUT });
    await editorText().filter({ hasText: 'free: outer_variable' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('inlay-hints-closure');
  });

  it('colours names by scope with the semantic tokens (free, cell, builtin)', async () => {
    await workbench.openFile('closure.py');
    const hex = (color: string) => `rgb(${[1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)).join(', ')})`;
    // The colour of each token with this text on the line containing `lineText`.
    const colorOf = (lineText: string, token: string) => editorText().evaluate((lines, [wantedLine, wantedToken]) => {
      type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El> };
      const view = globalThis as unknown as { getComputedStyle(el: El): { color: string } };
      const line = Array.from((lines as unknown as El).querySelectorAll('.view-line')).find((el) => (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(wantedLine));
      const span = line && Array.from(line.querySelectorAll('span > span')).find((el) => el.textContent === wantedToken);
      return span ? view.getComputedStyle(span).color : null;
    }, [lineText, token] as const);
    let free: string | null = null;
    for (let attempt = 0; attempt < 60 && free !== hex(SCOPE_COLORS.free); attempt++) {
      free = await colorOf('inside closure', 'outer_variable');
      if (free !== hex(SCOPE_COLORS.free)) await workbench.page.waitForTimeout(500);
    }
    assert.equal(free, hex(SCOPE_COLORS.free), 'the free variable in inner_function');
    assert.equal(await colorOf('= 10', 'outer_variable'), hex(SCOPE_COLORS.cell), 'the cell variable in outer_function');
    assert.equal(await colorOf('inside closure', 'print'), hex(SCOPE_COLORS.builtin), 'the builtin print');
    await workbench.screenshot('semantic-tokens');
  });

  it('opens the bytecode listing beside the source from the "show bytecode" code lens', async () => {
    await workbench.openFile('closure.py');
    // The lenses above `def outer_function` (the second pair; the first is the module's).
    const lens = workbench.page.locator('.codelens-decoration a', { hasText: 'show bytecode' }).nth(1);
    await lens.waitFor({ timeout: UI_TIMEOUT });
    await lens.click();
    await workbench.page.locator('.tab', { hasText: 'outer_function (line 4) bytecode' }).first().waitFor({ timeout: UI_TIMEOUT });
    const listing = workbench.page.locator('.monaco-editor .view-lines', { hasText: 'MAKE_CELL' });
    await listing.first().waitFor({ timeout: UI_TIMEOUT });
    // The editor renders spaces as no-break spaces.
    const text = (await listing.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /^code outer_function line 4$/m);
    assert.match(text, /STORE_DEREF 1 \(outer_variable\)/);
    assert.doesNotMatch(text, /code <module>/);
    await workbench.screenshot('show-bytecode');
  });

  it('updates the open listing as the source is edited, and back when the edit is removed', async () => {
    await workbench.openFile('closure.py');
    const listing = workbench.page.locator('.monaco-editor .view-lines', { hasText: 'code outer_function line 4' }).first();
    await listing.waitFor({ timeout: UI_TIMEOUT });
    await workbench.goToLine(6);
    await workbench.page.keyboard.type('    extra = 7');
    await listing.filter({ hasText: 'STORE_FAST 0 (extra)' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('listing-follows-edit');
    // Back to the saved text (the line was empty), then save so the debugger runs what is shown.
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Shift+Home');
    await workbench.page.keyboard.press('Shift+Home');
    await workbench.page.keyboard.press('Backspace');
    await workbench.page.keyboard.press('Control+S');
    await listing.filter({ hasNotText: '(extra)' }).filter({ hasText: 'STORE_DEREF 1 (outer_variable)' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.locator('.tab.active.dirty[data-resource-name="closure.py"]').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('opens the scope listing from the "show scopes" code lens', async () => {
    await workbench.openFile('closure.py');
    // The lenses above `def inner_function` (the third pair).
    const lens = workbench.page.locator('.codelens-decoration a', { hasText: 'show scopes' }).nth(2);
    await lens.waitFor({ timeout: UI_TIMEOUT });
    await lens.click();
    await workbench.page.locator('.tab', { hasText: 'inner_function (line 7) scopes' }).first().waitFor({ timeout: UI_TIMEOUT });
    const listing = workbench.page.locator('.monaco-editor .view-lines', { hasText: 'function inner_function line 7' }).first();
    await listing.waitFor({ timeout: UI_TIMEOUT });
    assert.match((await listing.innerText()).replace(/\u00a0/g, ' '), /outer_variable: free referenced/);
    await workbench.screenshot('show-scopes');
  });

  it('shows the scope and the load instruction of a free variable in the hover', async () => {
    await workbench.openFile('closure.py');
    // Line 8, on `outer_variable` inside the f-string; Ctrl+K Ctrl+I shows the hover at the cursor.
    await workbench.goToLine('8:49');
    // Maximize the source's group for the picture, so line 8 and the hover fit; restored below.
    const scopesTab = workbench.page.locator('.tab', { hasText: 'inner_function (line 7) scopes' }).first();
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await scopesTab.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+I');
    const hover = workbench.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: 'LOAD_DEREF' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /free in inner_function, cell of outer_function/);
    assert.match(text, /LOAD_DEREF/);
    // Let the hover's fade-in finish so the picture shows it at full strength.
    // (Runs in the page; the project's TypeScript has no DOM library, hence the local shape.)
    await hover.evaluate((el) => {
      type Node = { contains(other: unknown): boolean };
      type Animation = { effect: { target?: Node | null } | null; finished: Promise<unknown> };
      const page = globalThis as unknown as { document: { getAnimations(): Animation[] } };
      const node = el as unknown as Node;
      return Promise.all(page.document.getAnimations()
        .filter((a) => { const t = a.effect?.target; return !!t && (t.contains(node) || node.contains(t)); })
        .map((a) => a.finished));
    });
    await workbench.screenshot('hover');
    await workbench.page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await scopesTab.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  });

  it('renames a free variable in the enclosing function and the inner function (F2)', async () => {
    await workbench.openFile('closure.py');
    await workbench.goToLine('8:49');
    await workbench.page.keyboard.press('F2');
    const input = workbench.page.locator('.rename-box input, .rename-box .rename-input').first();
    await input.waitFor({ timeout: UI_TIMEOUT });
    // The box shows the current name, selected; typing goes in once it has the focus.
    await workbench.page.locator('.rename-box input:focus, .rename-box .rename-input:focus').first().waitFor({ timeout: UI_TIMEOUT });
    await input.fill('captured');
    await input.press('Enter');
    // Inlay hints sit after the names ("captured cell = 10", "{captured free}"), so match around them.
    const renamed = editorText().filter({ hasText: '{captured' }).filter({ hasNotText: 'outer_variable' });
    await renamed.waitFor({ timeout: UI_TIMEOUT });
    const text = (await renamed.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /^ {4}captured(\s*cell)?\s*= 10/m);
    assert.match(text, /inside closure: \{captured(free)?\}/);
    // Cursor to the start of the line so the editor scrolls back to column 1 for the picture.
    await workbench.page.keyboard.press('Home');
    await workbench.page.locator('.editor-group-container.active .statusbar-item, .statusbar-item', { hasText: 'Ln 8, Col 9' }).first().waitFor({ timeout: UI_TIMEOUT });
    // Maximize the source's group for the picture, so the whole of line 8 fits; then restore.
    const scopesTab = workbench.page.locator('.tab', { hasText: 'inner_function (line 7) scopes' }).first();
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await scopesTab.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await workbench.screenshot('rename');
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await scopesTab.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Back to the saved text so the debugger below runs the snippet as it is on disk.
    await workbench.page.keyboard.press('Escape');
    await workbench.page.keyboard.press('Control+Z');
    await editorText().filter({ hasText: '{outer_variable' }).filter({ hasNotText: 'captured' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.keyboard.press('Control+S');
    await workbench.page.locator('.tab.active.dirty[data-resource-name="closure.py"]').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('stops at a breakpoint in the closure on F5 and shows the values in the Variables view', async () => {
    await workbench.openFile('closure.py');
    await workbench.goToLine(8);
    await workbench.page.keyboard.press('F9');
    await workbench.page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.keyboard.press('F5');
    // With no launch.json VS Code may ask which debugger to use; PyXray is the one for Python.
    const stopped = workbench.page.locator('.debug-top-stack-frame-line, .debug-focused-stack-frame-line').first();
    const picker = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyXray' }).first();
    await Promise.race([stopped.waitFor({ timeout: UI_TIMEOUT }), picker.waitFor({ timeout: UI_TIMEOUT }).then(() => picker.click())]);
    await stopped.waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.locator('.statusbar-item', { hasText: 'PyXray: stopped (breakpoint)' }).first().waitFor({ timeout: UI_TIMEOUT });
    // The free variable lives in its own scope: open it as a person would.
    const variables = workbench.page.locator('.debug-pane .monaco-list-row');
    await variables.filter({ hasText: 'Cells & free variables' }).first().click();
    const cell = variables.filter({ hasText: 'outer_variable' }).first();
    await cell.waitFor({ timeout: UI_TIMEOUT });
    await cell.click();
    await workbench.page.keyboard.press('ArrowRight');
    // The cell's rows (ob_refcnt, id, type, size, gc, …) may push cell_contents below the pane:
    // walk down to it, as the keyboard would.
    await variables.filter({ hasText: 'ob_refcnt' }).first().waitFor({ timeout: UI_TIMEOUT });
    const header = (await variables.allInnerTexts()).join('\n');
    const contents = variables.filter({ hasText: 'cell_contents' }).first();
    for (let step = 0; step < 12 && !(await contents.isVisible()); step++) await workbench.page.keyboard.press('ArrowDown');
    await contents.waitFor({ timeout: UI_TIMEOUT });
    const rows = `${header}\n${(await variables.allInnerTexts()).join('\n')}`.replace(/\u00a0/g, ' ');
    assert.match(rows, /outer_variable =\s*<cell at 0x[0-9a-f]+: int object at 0x[0-9a-f]+>/);
    assert.match(rows, /ob_refcnt =\s*\d+/);
    assert.match(rows, /cell_contents =\s*10\n/);
    await workbench.screenshot('debug-variables');
  });

  it('shows the bytecode in the Disassembly view while stopped', async () => {
    await workbench.runCommand('Open Disassembly View');
    const disassembly = workbench.page.locator('.disassembly-view');
    await disassembly.filter({ hasText: 'LOAD_' }).first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('disassembly');
  });

  it('marks the instruction the stopped frame runs next in the bytecode listing', async () => {
    await workbench.openFile('closure.py');
    // The lenses above `def inner_function` (the third pair).
    const lens = workbench.page.locator('.codelens-decoration a', { hasText: 'show bytecode' }).nth(2);
    await lens.waitFor({ timeout: UI_TIMEOUT });
    await lens.click();
    await workbench.page.locator('.tab', { hasText: 'inner_function (line 7) bytecode' }).first().waitFor({ timeout: UI_TIMEOUT });
    const listing = workbench.page.locator('.monaco-editor .view-lines', { hasText: 'code outer_function.<locals>.inner_function line 7' }).first();
    await listing.waitFor({ timeout: UI_TIMEOUT });
    // The marker is a decoration drawing ▶ before the line (a CSS ::before, so looked up by style).
    const markedLine = async () => listing.evaluate((lines) => {
      type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El> };
      const view = globalThis as unknown as { getComputedStyle(el: El, pseudo: string): { content: string } };
      for (const line of Array.from((lines as unknown as El).querySelectorAll('.view-line'))) {
        if (Array.from(line.querySelectorAll('span')).some((span) => view.getComputedStyle(span, '::before').content.includes('▶'))) return (line.textContent ?? '').replace(/\u00a0/g, ' ');
      }
      return null;
    });
    let marked: string | null = null;
    for (let attempt = 0; attempt < 60 && marked === null; attempt++) {
      marked = await markedLine();
      if (marked === null) await workbench.page.waitForTimeout(500);
    }
    assert.ok(marked, 'a line of the listing is marked');
    // Stopped at the start of line 8, `print(...)`: CPython's next instruction loads print.
    assert.match(marked, /^\s*8\s+\d+ LOAD_GLOBAL 1 \(NULL \+ print\)/);
    await workbench.screenshot('bytecode-current-instruction');
    // One instruction step (F10 with the Disassembly view focused steps by instruction): the
    // marker moves to the next instruction, the f-string's constant.
    await workbench.page.locator('.tab', { hasText: 'Disassembly' }).first().click();
    await workbench.page.locator('.disassembly-view').first().click();
    await workbench.page.keyboard.press('F10');
    let moved: string | null = null;
    for (let attempt = 0; attempt < 60 && !/LOAD_CONST/.test(moved ?? ''); attempt++) {
      moved = await markedLine();
      if (!/LOAD_CONST/.test(moved ?? '')) await workbench.page.waitForTimeout(500);
    }
    assert.match(moved ?? '', /^\s*\d+ LOAD_CONST 1 \('Outer variable inside closure: '\)/);
  });

  it('draws the memory map of the stopped program; selecting a block shows its object', async () => {
    await workbench.runCommand('PyXray: Open Memory Map in Editor');
    const map = await workbench.webviewFrame('#map');
    const summary = map.locator('#summary');
    await summary.filter({ hasText: /blocks used|not available/ }).waitFor({ timeout: UI_TIMEOUT });
    const summaryText = await summary.innerText();
    assert.match(summaryText, /\d+ arenas?, \d+ pools, \d+ blocks used/, summaryText);
    assert.match(await map.locator('#legend').innerText(), /\bfunction \d+/);
    // Keyboard, as a screen-reader user would: into the first pool, then to its first used block.
    await map.locator('#map').focus();
    await map.locator('#map').press('Enter');
    const announcer = map.locator('#announcer');
    // (Blocks that are free or hold a buffer, not an object, are passed over.)
    const notAnObject = /: (free|\(buffer\))/;
    for (let step = 0; step < 1100 && notAnObject.test(await announcer.innerText()); step++) await map.locator('#map').press('ArrowRight');
    assert.doesNotMatch(await announcer.innerText(), notAnObject);
    await map.locator('#map').press('Enter');
    const details = map.locator('#details');
    await details.filter({ hasText: 'refcount' }).waitFor({ timeout: UI_TIMEOUT });
    assert.match(await details.innerText(), /repr[\s\S]*refcount[\s\S]*size\s+\d+ bytes/);
    await workbench.screenshot('memory-map');
  });

  // While the runtime's GC and threads inspection is not there, the adapter answers these requests
  // with "the runtime does not provide this data yet" and the views say so: the check is then
  // reported as pending with that reason (a known gap, listed in the output), never passed.
  const RUNTIME_GAP = /does not provide this data yet/;

  it('shows the GC generations while stopped, and the GC counts in the status bar', async function () {
    await setPane('PyXray GC', true);
    const generation = workbench.page.locator('.monaco-list-row', { hasText: /Generation 0: \d+ \/ \d+/ }).first();
    const gap = workbench.page.locator('.pane-body', { hasText: 'GC state is not available' }).first();
    await Promise.race([generation.waitFor({ timeout: UI_TIMEOUT }), gap.waitFor({ timeout: UI_TIMEOUT })]);
    if (await gap.isVisible()) {
      const reason = (await gap.innerText()).trim();
      assert.match(reason, RUNTIME_GAP, reason);
      console.log(`      known gap: ${reason}`);
      this.skip();
    }
    await workbench.page.locator('.monaco-list-row', { hasText: /Generation 2: \d+ \/ \d+/ }).first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.locator('.statusbar-item', { hasText: /PyXray: stopped \((breakpoint|step)\) · .*GC \d+ · \d+ · \d+/ }).first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('gc-view');
  });

  it('shows who holds the GIL in the GIL timeline and the status bar while stopped', async function () {
    await setPane('PyXray GIL Timeline', true);
    const timeline = await workbench.webviewFrame('#chart');
    const summary = timeline.locator('#summary');
    await summary.filter({ hasText: /GIL held by|not available/ }).waitFor({ timeout: UI_TIMEOUT });
    const text = await summary.innerText();
    if (/not available/.test(text)) {
      assert.match(text, RUNTIME_GAP, text);
      console.log(`      known gap: ${text}`);
      this.skip();
    }
    assert.match(text, /GIL held by MainThread/);
    await workbench.page.locator('.statusbar-item', { hasText: /PyXray: stopped \((breakpoint|step)\) · GIL MainThread/ }).first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('gil-timeline');
  });

  it('draws the memory map in the Run and Debug side bar too', async () => {
    await setPane('PyXray GC', false);
    await setPane('PyXray GIL Timeline', false);
    await setPane('PyXray Memory Map', true);
    // The side bar's map is the one with the "open in an editor panel" button.
    const map = await workbench.webviewFrame('#open-in-panel');
    await map.locator('#summary', { hasText: /\d+ blocks used/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok(await map.locator('#legend li').count() > 3);
    await workbench.screenshot('memory-map-side-bar');
    await setPane('PyXray Memory Map', false);
  });

  it('shows values with their refcounts and cells inline while stopped, and the refcount in the debug hover', async () => {
    // End the closure's session first, when it is still stopped (the tests above leave it so).
    await endSession();
    await workbench.openFile('refcounts.py');
    // The tests above leave the memory map's editor panel and the Disassembly beside the source;
    // squeezed to a third of the width, VS Code cuts the inline values this test reads short.
    await workbench.runCommand('View: Toggle Maximize Editor Group');
    // Inside inc, after `count += 1`: the count lives in a cell. Then the module's last line.
    // (Both breakpoints are set before the run; one added while stopped is the adapter's to test.)
    await workbench.goToLine(6);
    await workbench.page.keyboard.press('F9');
    await workbench.goToLine(14);
    await workbench.page.keyboard.press('F9');
    await workbench.page.keyboard.press('F5');
    const stopped = workbench.page.locator('.debug-top-stack-frame-line, .debug-focused-stack-frame-line').first();
    const picker = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyXray' }).first();
    await Promise.race([stopped.waitFor({ timeout: UI_TIMEOUT }), picker.waitFor({ timeout: UI_TIMEOUT }).then(() => picker.click())]);
    const inline = workbench.page.locator('.editor-group-container.active .debug-inline-value');
    // VS Code writes the inline text with no-break spaces, which \s matches.
    await inline.filter({ hasText: /count\s=\s1001\s⟨cell\srefcount\s\d+\s·\srefcount\s\d+⟩/ }).first().waitFor({ timeout: UI_TIMEOUT });
    // Continue to the module's last line: two names for one list.
    await workbench.page.keyboard.press('F5');
    await inline.filter({ hasText: /b\s=\s\[1,\s2,\s3\]\s⟨refcount\s2⟩/ }).first().waitFor({ timeout: UI_TIMEOUT });
    const texts = (await inline.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    assert.match(texts, /a = \[1, 2, 3\] ⟨refcount 2⟩/);
    assert.match(texts, /total = 1001 ⟨refcount \d+⟩/);
    await workbench.screenshot('inline-values-refcounts');
    // The debug hover on `b` (line 14, column 18) shows the list and, expanded, its ob_refcnt.
    await workbench.goToLine('14:18');
    await workbench.runCommand('Debug: Show Hover');
    const hover = workbench.page.locator('.debug-hover-widget').filter({ hasText: 'ob_refcnt' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT });
    const hoverText = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(hoverText, /\[1, 2, 3\]/);
    assert.match(hoverText, /ob_refcnt\s*=\s*2\b/);
    await workbench.screenshot('debug-hover-refcount');
    await workbench.page.keyboard.press('Escape');
    await workbench.runCommand('View: Toggle Maximize Editor Group');
    // The memory map, shown again, catches up with this stop: what was allocated since the last
    // one (at least `pair`, a new tuple, and 2002).
    await workbench.page.locator('.tab', { hasText: 'PyXray Memory Map' }).first().click();
    const map = await workbench.webviewFrame('#map');
    await map.locator('#summary', { hasText: /\+[1-9]\d* \/ −\d+ since the last stop · instruction \d+/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.match(await map.locator('#legend').innerText(), /new since the last stop \([1-9]\d*\)/);
    // The whole heap, where the new blocks stand out in every pool.
    const wholeHeap = map.locator('#whole-heap');
    if (await wholeHeap.isEnabled()) await wholeHeap.click();
    await map.locator('#summary', { hasNotText: 'pool 0x' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('memory-map-changes');
    await endSession();
  });

  it('names the thread holding the GIL in the Call Stack of a two-thread snippet', async function () {
    await endSession();
    await workbench.openFile('threads.py');
    await workbench.goToLine(6);
    await workbench.page.keyboard.press('F9');
    await workbench.page.keyboard.press('F5');
    const stopped = workbench.page.locator('.debug-top-stack-frame-line, .debug-focused-stack-frame-line').first();
    const picker = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyXray' }).first();
    await Promise.race([stopped.waitFor({ timeout: UI_TIMEOUT }), picker.waitFor({ timeout: UI_TIMEOUT }).then(() => picker.click())]);
    await stopped.waitFor({ timeout: UI_TIMEOUT });
    const callStack = workbench.page.locator('.debug-call-stack');
    await callStack.locator('.monaco-list-row', { hasText: 'worker' }).first().waitFor({ timeout: UI_TIMEOUT });
    const text = (await callStack.innerText()).replace(/\u00a0/g, ' ');
    // A wider side bar for the picture, so thread names and the timeline fit.
    const sash = workbench.page.locator('.part.sidebar').first();
    const box = await sash.boundingBox();
    if (box) {
      await workbench.page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await workbench.page.mouse.down();
      await workbench.page.mouse.move(box.x + 560, box.y + box.height / 2, { steps: 5 });
      await workbench.page.mouse.up();
    }
    await setPane('PyXray GC', false);
    await setPane('Watch', false);
    await setPane('PyXray GIL Timeline', true);
    const timeline = await workbench.webviewFrame('#chart');
    const gilSummary = (await timeline.locator('#summary').filter({ hasText: /GIL held by|not available/ }).innerText());
    if (/GIL held by/.test(gilSummary)) {
      assert.match(gilSummary, /GIL held by Thread-1 \(worker\)/);
      // A row per thread: each row's label names it.
      assert.ok(await timeline.locator('#chart svg > text', { hasText: 'MainThread' }).count() >= 1);
      assert.ok(await timeline.locator('#chart svg > text', { hasText: 'Thread-1 (worker)' }).count() >= 1);
    }
    await workbench.screenshot('threads-call-stack');
    await endSession();
    if (!/holds the GIL/.test(text)) {
      console.log(`      known gap: the Call Stack names no thread holding the GIL yet (adapter threads): ${text.split('\n').slice(0, 4).join(' | ')}`);
      this.skip();
    }
    assert.match(text, /Thread-1 \(worker\)[^\n]*holds the GIL/);
  });

  it('warns in the Problems panel where a local is read before it is assigned', async () => {
    await workbench.openFile('unbound.py');
    await workbench.page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    await workbench.page.keyboard.press('Control+Shift+M');
    const problem = workbench.page.locator('.markers-panel .monaco-list-row', {
      hasText: "cannot access local variable 'x' where it is not associated with a value",
    }).first();
    await problem.waitFor({ timeout: UI_TIMEOUT });
    assert.match((await problem.innerText()).replace(/\u00a0/g, ' '), /Ln 4, Col 11/);
    await workbench.screenshot('diagnostics');
  });
});
