// Read-only virtual documents with the server's listings: `pyxray-bytecode:` (dis_dump.py's
// format, highlighted by syntaxes/pyxray-bytecode.tmLanguage.json) and `pyxray-scopes:`
// (symtable_dump.py's format). A listing's URI carries its source document and target code
// object, so the provider can ask the server again whenever the source changes: the listing
// follows edits without being reopened.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BytecodeRequest, ScopesRequest, SHOW_BYTECODE_COMMAND, SHOW_SCOPES_COMMAND,
  type ShowTargetArguments, type TextForTargetParams, type TextResult,
} from '../../server/src/protocol';

export const BYTECODE_SCHEME = 'pyxray-bytecode';
export const SCOPES_SCHEME = 'pyxray-scopes';
export const BYTECODE_LANGUAGE = 'pyxray-bytecode';

/** How long edits may pile up before open listings ask the server again. */
const REFRESH_DELAY_MS = 150;

/** The listing's URI: a readable path (the tab title) and the request in the query. */
export function listingUri(scheme: string, args: ShowTargetArguments): vscode.Uri {
  const source = vscode.Uri.parse(args.uri);
  const base = source.path.split('/').pop() ?? 'snippet.py';
  const what = args.target ? `${args.target.qualname} (line ${args.target.line})` : '<module>';
  const suffix = scheme === BYTECODE_SCHEME ? 'bytecode' : 'scopes';
  return vscode.Uri.from({ scheme, path: `/${base} ${what} ${suffix}`, query: JSON.stringify(args) });
}

function requestOf(uri: vscode.Uri): TextForTargetParams {
  return JSON.parse(uri.query) as TextForTargetParams;
}

class ListingProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient, private readonly scheme: string) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params = requestOf(uri);
    const request = this.scheme === BYTECODE_SCHEME ? BytecodeRequest : ScopesRequest;
    let result: TextResult;
    try {
      result = await this.client.sendRequest(request, params, token);
    } catch (error) {
      return `# PyXray could not produce this listing: ${error instanceof Error ? error.message : String(error)}\n`;
    }
    if (result.text !== null) return result.text;
    return `${result.error ?? 'no listing'}\n`;
  }

  /** Re-request every open listing of `source`. */
  refreshListingsOf(source: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === this.scheme && requestOf(document.uri).uri === source) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerListingDocuments(context: vscode.ExtensionContext, client: LanguageClient): void {
  const bytecode = new ListingProvider(client, BYTECODE_SCHEME);
  const scopes = new ListingProvider(client, SCOPES_SCHEME);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  context.subscriptions.push(
    bytecode,
    scopes,
    vscode.workspace.registerTextDocumentContentProvider(BYTECODE_SCHEME, bytecode),
    vscode.workspace.registerTextDocumentContentProvider(SCOPES_SCHEME, scopes),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId !== 'python' || event.contentChanges.length === 0) return;
      const source = event.document.uri.toString();
      clearTimeout(pending.get(source));
      pending.set(source, setTimeout(() => {
        pending.delete(source);
        bytecode.refreshListingsOf(source);
        scopes.refreshListingsOf(source);
      }, REFRESH_DELAY_MS));
    }),
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
    vscode.commands.registerCommand(SHOW_BYTECODE_COMMAND, (args?: ShowTargetArguments) => showListing(BYTECODE_SCHEME, args)),
    vscode.commands.registerCommand(SHOW_SCOPES_COMMAND, (args?: ShowTargetArguments) => showListing(SCOPES_SCHEME, args)),
  );
}

/** Opens the listing beside the source; from the palette (no arguments) for the active file's module. */
async function showListing(scheme: string, args?: ShowTargetArguments): Promise<void> {
  const target = args ?? activePythonTarget();
  if (!target) {
    void vscode.window.showInformationMessage('PyXray: open a Python file first.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(listingUri(scheme, target));
  const shown = scheme === BYTECODE_SCHEME ? await vscode.languages.setTextDocumentLanguage(document, BYTECODE_LANGUAGE) : document;
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}

function activePythonTarget(): ShowTargetArguments | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'python') return undefined;
  return { uri: editor.document.uri.toString() };
}
