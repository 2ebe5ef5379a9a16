// Sends PyXray's typed custom requests (debug-adapter/src/protocol.ts) to a debug session. The
// adapter answers with an error response when the runtime cannot produce the data yet; that
// error comes back here as a rejected promise whose message the views show as it is.

import type * as vscode from 'vscode';
import type { CustomRequest } from '../../../debug-adapter/src/protocol';

export async function sendCustomRequest<Args, Body>(session: vscode.DebugSession, request: CustomRequest<Args, Body>, args: Args): Promise<Body> {
  return (await session.customRequest(request.command, args)) as Body;
}

/** The text of a failed request, for a view's "not available" line. */
export function requestErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 0 ? message : 'the debug adapter gave no answer';
}
