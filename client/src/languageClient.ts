// Starts the PyXray language server (dist/server.js) over Node IPC for Python files, both saved
// and untitled, and keeps the `pyxray` settings section in sync with it.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    synchronize: { configurationSection: 'pyxray' },
  };
  const client = new LanguageClient('pyxray', 'PyXray', serverOptions, clientOptions);
  // A server that fails to start must not take the debugger and commands down with it: the
  // client shows the error in its output channel.
  client.start().catch((error: unknown) => {
    client.error('PyXray language server failed to start', error, 'force');
  });
  context.subscriptions.push(client);
  return client;
}
