// The debug adapter as a process: VS Code (or a test's DebugClient) starts `node dist/debugAdapter.js`
// and speaks DAP over stdin/stdout. The extension can also run PyxraySession inline.

import { DebugSession } from '@vscode/debugadapter';
import { PyxraySession } from './session';

export { PyxraySession };

DebugSession.run(PyxraySession);
