// The PyXray language server: shows how CPython 3.11 resolves every name while a person reads
// or writes a snippet. Transport is chosen by vscode-languageserver/node from the command line
// (--stdio, --node-ipc, --socket=N). Documents sync incrementally; each version is analysed once
// (see analysis/documentAnalysis.ts) and every feature below reads the same analysis.

import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
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

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
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
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyxray' });
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration(async (change) => {
  const pushed = (change.settings as { pyxray?: unknown } | null)?.pyxray;
  if (pushed !== undefined) settings = mergeSettings(pushed);
  else if (canPullConfiguration) await refreshSettings();
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
});

async function refreshSettings(): Promise<void> {
  settings = mergeSettings(await connection.workspace.getConfiguration('pyxray'));
}

function mergeSettings(value: unknown): PyXraySettings {
  const hints = (value as { inlayHints?: Partial<PyXraySettings['inlayHints']> } | null | undefined)?.inlayHints ?? {};
  const flag = (key: keyof PyXraySettings['inlayHints']) => (typeof hints[key] === 'boolean' ? hints[key] : DEFAULT_SETTINGS.inlayHints[key]);
  return { inlayHints: { scopes: flag('scopes'), closures: flag('closures'), mro: flag('mro') } };
}

/** The analysis of a document's current version, or null for a document the client never opened. */
function analysisOf(uri: string): DocumentAnalysis | null {
  const document = documents.get(uri);
  return document ? analyses.get(document) : null;
}

function publishDiagnostics(document: TextDocument): void {
  const analysis = analyses.get(document);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics(analysis) });
}

documents.onDidChangeContent((change) => publishDiagnostics(change.document));
documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.languages.inlayHint.on((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? inlayHints(analysis, params.range, settings) : [];
});
connection.onHover((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? hover(analysis, params.position) : null;
});
connection.onCodeLens((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? codeLenses(analysis) : [];
});
connection.languages.semanticTokens.on((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? semanticTokens(analysis) : { data: [] };
});
connection.onDocumentHighlight((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? documentHighlights(analysis, params.position) : [];
});
connection.onDefinition((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? definition(analysis, params.position) : [];
});
connection.onReferences((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? references(analysis, params.position, params.context.includeDeclaration) : [];
});
connection.onPrepareRename((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? prepareRename(analysis, params.position) : null;
});
connection.onRenameRequest((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? rename(analysis, params.position, params.newName) : null;
});
connection.onDocumentSymbol((params) => {
  const analysis = analysisOf(params.textDocument.uri);
  return analysis ? documentSymbols(analysis) : [];
});
connection.onRequest(BytecodeRequest, (params) => {
  const analysis = analysisOf(params.uri);
  return analysis ? bytecodeListing(analysis, params.target) : { text: null, error: 'the document is not open' };
});
connection.onRequest(ScopesRequest, (params) => {
  const analysis = analysisOf(params.uri);
  return analysis ? scopesListing(analysis, params.target) : { text: null, error: 'the document is not open' };
});
connection.onRequest(NamesRequest, (params) => {
  const analysis = analysisOf(params.uri);
  return analysis ? nameInfos(analysis) : null;
});

documents.listen(connection);
connection.listen();
