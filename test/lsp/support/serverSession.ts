// A JSON-RPC client for the bundled language server (dist/server.js, as the extension ships it),
// spawned with --stdio. Tests open documents, wait for the diagnostics of an exact document
// version (never a sleep) and send typed requests. The client answers the server's own
// requests (workspace/configuration, client/registerCapability, inlay hint refresh) like an
// editor would.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

/** dist/server.js from the sources (test/lsp/support) or from a bundle that sits beside it in dist/ (the benchmark). */
export const SERVER_BUNDLE = [path.resolve(__dirname, '../../../dist/server.js'), path.resolve(__dirname, 'server.js')].find(existsSync) ?? path.resolve(__dirname, '../../../dist/server.js');

export interface SessionOptions {
  /** Settings the client returns for workspace/configuration (section `pyxray`). */
  settings?: unknown;
  /** Advertise workspace/configuration support (the server then pulls settings). */
  configuration?: boolean;
  /** Another language server to drive instead of PyXray's (the benchmark runs pyright this way). */
  command?: string[];
  rootUri?: string | null;
  /** stdio (the default), or Node IPC (--node-ipc), the extension's other transport. */
  transport?: 'stdio' | 'ipc';
}

type DiagnosticsWaiter = { uri: string; version: number; resolve: (d: Diagnostic[]) => void; reject: (error: Error) => void };
/** Stands for "any version": servers that publish diagnostics without one (pyright) match it. */
const UNVERSIONED = -1;

export class ServerSession {
  readonly connection: MessageConnection;
  initializeResult!: InitializeResult;
  settings: unknown;
  /** Counted so tests can tell the server asked the editor to re-query hints. */
  inlayHintRefreshes = 0;
  private readonly latestDiagnostics = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly stderr: string[] = [];
  private exited = false;
  /** window/logMessage errors: the server reports a failure it survived this way. */
  readonly loggedErrors: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    options: SessionOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    child.once('exit', () => {
      this.exited = true;
      for (const waiter of this.waiters) waiter.reject(new Error(`language server exited while diagnostics were awaited: ${this.serverErrors}`));
      this.waiters = [];
    });
    this.connection =
      options.transport === 'ipc'
        ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
        : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(InlayHintRefreshRequest.type, () => {
      this.inlayHintRefreshes++;
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latestDiagnostics.set(params.uri, { version: params.version, diagnostics: params.diagnostics });
      const ready = this.waiters.filter((w) => w.uri === params.uri && (w.version === params.version || (params.version === undefined && w.version !== UNVERSIONED)));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const waiter of ready) waiter.resolve(params.diagnostics);
    });
    this.connection.listen();
  }

  static async start(options: SessionOptions = {}): Promise<ServerSession> {
    const command = options.command ?? [process.execPath, SERVER_BUNDLE, '--stdio'];
    if (!options.command && !existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
    const child =
      options.transport === 'ipc'
        ? fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
        : spawn(command[0], command.slice(1), { stdio: 'pipe' });
    const session = new ServerSession(child, options);
    // A server that dies while starting must fail the test at once, not leave it waiting.
    const died = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`language server exited (${code ?? signal}) during initialize: ${session.serverErrors}`))),
    );
    const initialized = session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: {
          configuration: options.configuration === true,
          didChangeConfiguration: { dynamicRegistration: options.configuration === true },
          inlayHint: { refreshSupport: true },
        },
        textDocument: { publishDiagnostics: { versionSupport: true }, inlayHint: {}, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      initializationOptions: options.configuration ? undefined : { pyxray: options.settings },
    });
    died.catch(() => undefined); // after initialize, exits are reported through pending waits (see the constructor)
    session.initializeResult = await Promise.race([initialized, died]);
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Opens a document and resolves with the diagnostics the server publishes for it. */
  open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    this.versions.set(uri, version);
    const published = this.diagnostics(uri, version);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version, text } });
    return published;
  }

  /** Sends edits as the next version; resolves with that version's diagnostics. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.diagnostics(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown, push: boolean): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: push ? { pyxray: settings } : null });
  }

  /** The diagnostics published for exactly this version (already published, or the next to come). */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const latest = this.latestDiagnostics.get(uri);
    if (latest && latest.version === version) return Promise.resolve(latest.diagnostics);
    if (this.exited) return Promise.reject(new Error(`language server exited: ${this.serverErrors}`));
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  get serverErrors(): string {
    return this.stderr.join('');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/**
 * The 0-based position of the `occurrence`-th (1-based) `needle` in `text`, plus `offset`
 * characters; a needle that starts or ends with an identifier character matches whole words only.
 */
export function positionOf(text: string, needle: string, occurrence = 1, offset = 0): { line: number; character: number } {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${/^\w/.test(needle) ? '(?<![\\w])' : ''}${escaped}${/\w$/.test(needle) ? '(?![\\w])' : ''}`, 'g');
  let match: RegExpExecArray | null = null;
  for (let i = 0; i < occurrence; i++) {
    match = pattern.exec(text);
    if (!match) throw new Error(`'${needle}' #${occurrence} not found`);
  }
  const before = text.slice(0, match!.index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
