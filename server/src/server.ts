// The PyXray language server: shows how CPython 3.11 resolves every name while a person reads
// or writes a snippet. Transport is chosen by vscode-languageserver/node from the command line
// (--stdio, --node-ipc, --socket=N). Documents sync incrementally; each version is analysed once
// (see analysis/documentAnalysis.ts) and every feature below reads the same analysis.

import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysis } from './analysis/documentAnalysis';
import { compilerAvailable } from './analysis/frontEnd';
import { codeLenses } from './features/codeLens';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { bytecodeListing, scopesListing } from './features/listings';
import { nameInfos } from './features/names';
import { definition, documentHighlights, prepareRename, references, rename } from './features/navigation';
import { semanticTokens } from './features/semanticTokens';
import {
  BytecodeRequest,
  DEFAULT_SETTINGS,
  NamesRequest,
  ScopesRequest,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type PyXraySettings,
} from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new AnalysisCache();
let settings: PyXraySettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let canRefreshInlayHints = false;
let canRegisterConfigurationChanges = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canRegisterConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  settings = mergeSettings((params.initializationOptions as { pyxray?: unknown } | undefined)?.pyxray);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      inlayHintProvider: true,
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: {
        legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
        full: true,
      },
      documentHighlightProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      // Lets a client (and the tests) know whether bytecode listings and compile errors are available yet.
      experimental: { pyxray: { compiler: compilerAvailable() } },
    },
    serverInfo: { name: 'pyxray', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigurationChanges) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyxray' }).catch(logFailure);
  }
  if (canPullConfiguration) {
    refreshSettings()
      .then(() => (canRefreshInlayHints ? connection.languages.inlayHint.refresh() : undefined))
      .catch(logFailure);
  }
});

/** A failed exchange with the client is logged, never left as an unhandled rejection that would end the process. */
function logFailure(error: unknown): void {
  connection.console.error(`pyxray: ${error instanceof Error ? error.message : String(error)}`);
}

connection.onDidChangeConfiguration(async (change) => {
  const pushed = (change.settings as { pyxray?: unknown } | null)?.pyxray;
  try {
    if (pushed !== undefined) settings = mergeSettings(pushed);
    else if (canPullConfiguration) await refreshSettings();
    if (canRefreshInlayHints) await connection.languages.inlayHint.refresh();
  } catch (error) {
    logFailure(error);
  }
});

async function refreshSettings(): Promise<void> {
  settings = mergeSettings(await connection.workspace.getConfiguration('pyxray'));
}

function mergeSettings(value: unknown): PyXraySettings {
  const hints = (value as { inlayHints?: Partial<PyXraySettings['inlayHints']> } | null | undefined)?.inlayHints ?? {};
  const flag = (key: keyof PyXraySettings['inlayHints']) => (typeof hints[key] === 'boolean' ? hints[key] : DEFAULT_SETTINGS.inlayHints[key]);
  return { inlayHints: { scopes: flag('scopes'), closures: flag('closures'), mro: flag('mro') } };
}

/**
 * Runs a feature on the analysis of a document's current version. A document the client never
 * opened gets the fallback; so does a failure inside the analysis, which is logged — one broken
 * feature must not take the editor's other features, or the server, down with it.
 */
function withAnalysis<T>(uri: string, fallback: T, feature: (analysis: DocumentAnalysis) => T): T {
  const document = documents.get(uri);
  if (!document) return fallback;
  try {
    return feature(analyses.get(document));
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`pyxray: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function publishDiagnostics(document: TextDocument): void {
  const published = withAnalysis(document.uri, [], diagnostics);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: published });
}

/**
 * Diagnostics run after the messages already queued: requests that arrived with an edit (inlay
 * hints for the screen) are answered first, and a version superseded before its turn is never
 * analysed for diagnostics at all — while typing fast only the newest text costs anything.
 */
const pendingDiagnostics = new Map<string, NodeJS.Immediate>();

documents.onDidChangeContent((change) => {
  const uri = change.document.uri;
  const pending = pendingDiagnostics.get(uri);
  if (pending) clearImmediate(pending);
  pendingDiagnostics.set(
    uri,
    setImmediate(() => {
      pendingDiagnostics.delete(uri);
      const document = documents.get(uri);
      if (document) publishDiagnostics(document);
    }),
  );
});
documents.onDidClose((event) => {
  const pending = pendingDiagnostics.get(event.document.uri);
  if (pending) clearImmediate(pending);
  pendingDiagnostics.delete(event.document.uri);
  analyses.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.languages.inlayHint.on((params) => withAnalysis(params.textDocument.uri, [], (a) => inlayHints(a, params.range, settings)));
connection.onHover((params) => withAnalysis(params.textDocument.uri, null, (a) => hover(a, params.position)));
connection.onCodeLens((params) => withAnalysis(params.textDocument.uri, [], codeLenses));
connection.languages.semanticTokens.on((params) => withAnalysis(params.textDocument.uri, { data: [] }, semanticTokens));
connection.onDocumentHighlight((params) => withAnalysis(params.textDocument.uri, [], (a) => documentHighlights(a, params.position)));
connection.onDefinition((params) => withAnalysis(params.textDocument.uri, [], (a) => definition(a, params.position)));
connection.onReferences((params) =>
  withAnalysis(params.textDocument.uri, [], (a) => references(a, params.position, params.context.includeDeclaration)),
);
connection.onPrepareRename((params) => withAnalysis(params.textDocument.uri, null, (a) => prepareRename(a, params.position)));
connection.onRenameRequest((params) => withAnalysis(params.textDocument.uri, null, (a) => rename(a, params.position, params.newName)));
connection.onDocumentSymbol((params) => withAnalysis(params.textDocument.uri, [], documentSymbols));

const NOT_OPEN = { text: null, error: 'the document is not open' };
connection.onRequest(BytecodeRequest, (params) => withAnalysis(params.uri, NOT_OPEN, (a) => bytecodeListing(a, params.target)));
connection.onRequest(ScopesRequest, (params) => withAnalysis(params.uri, NOT_OPEN, (a) => scopesListing(a, params.target)));
connection.onRequest(NamesRequest, (params) => withAnalysis(params.uri, null, nameInfos));

documents.listen(connection);
connection.listen();
