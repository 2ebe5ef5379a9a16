// The debug adapter as a process: VS Code (or a test's DebugClient) starts `node dist/debugAdapter.js`
// and speaks DAP over stdin/stdout. The extension can also run PyxraySession inline.

import { DebugSession } from '@vscode/debugadapter';
import { PyxraySession, enableSynchronousStops } from './session';

export { PyxraySession };

// Over stdio (not `--server=PORT`) the session may read stdin synchronously to stop inside
// native callbacks (see session.ts).
if (!process.argv.some((arg) => arg.startsWith('--server'))) enableSynchronousStops(0);
DebugSession.run(PyxraySession);
