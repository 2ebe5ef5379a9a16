// PyXray's VS Code extension: thin activation that wires the pieces together. The language
// client (server/src/server.ts bundled as dist/server.js) answers everything about names,
// scopes and bytecode; the debugger (dist/debugAdapter.js) runs snippets; the views (memory
// map, GC, GIL timeline) show what the adapter's custom requests answer at each stop. This file
// only connects them to VS Code's UI. Each concern lives in its own module beside this one.

import * as vscode from 'vscode';
import { startLanguageClient } from './languageClient';
import { registerListingDocuments } from './listingDocuments';
import { registerDebugging } from './debugging';
import { CurrentInstructionMarker } from './currentInstruction';
import { registerMemoryMap } from './views/memoryMapView';
import { registerGcView } from './views/gcView';
import { registerGilTimeline } from './views/gilView';

let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const client = startLanguageClient(context);
  stopClient = () => client.stop();
  registerListingDocuments(context, client);
  const sessions = registerDebugging(context);
  context.subscriptions.push(new CurrentInstructionMarker());
  registerMemoryMap(context, sessions);
  registerGcView(context, sessions);
  registerGilTimeline(context, sessions);
}

export async function deactivate(): Promise<void> {
  await stopClient?.();
}
