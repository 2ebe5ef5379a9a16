// The `pyxray` debugger inside VS Code: the "Debug with PyXray" command (no launch.json
// needed), launch configurations filled from the `pyxray.debug.*` settings, the adapter
// process (dist/debugAdapter.js, run by the Node that runs this extension host), hovers and
// inline values while a session is stopped (inlineValues.ts), and the session events the
// status bar and the views follow (sessionEvents.ts, sessionStatus.ts).

import * as vscode from 'vscode';
import { DEBUG_TYPE, PyxraySessions } from './sessionEvents';
import { InlineNames } from './inlineValues';
import { SessionStatus } from './sessionStatus';

export { DEBUG_TYPE };
export const DEBUG_FILE_COMMAND = 'pyxray.debugFile';

interface PyxrayLaunchConfiguration extends vscode.DebugConfiguration {
  program?: string;
  stopOnEntry?: boolean;
  stepGranularity?: 'line' | 'instruction';
  maxInstructions?: number;
}

export function registerDebugging(context: vscode.ExtensionContext): PyxraySessions {
  const sessions = new PyxraySessions();
  context.subscriptions.push(
    sessions,
    new SessionStatus(sessions),
    vscode.commands.registerCommand(DEBUG_FILE_COMMAND, debugFile),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new LaunchConfigurations()),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AdapterProcess(context)),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, { createDebugAdapterTracker: (session) => sessions.trackerFor(session) }),
    vscode.languages.registerEvaluatableExpressionProvider('python', new HoverExpressions()),
    vscode.languages.registerInlineValuesProvider('python', new InlineNames()),
  );
  return sessions;
}

/** Debugs the file in the active editor (or the one whose title-bar button was clicked). */
async function debugFile(resource?: vscode.Uri): Promise<boolean> {
  const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('PyXray: open a Python file to debug.');
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // The adapter reads the program from disk, so what the editor shows is what runs.
  if (document.isDirty) await document.save();
  const configuration: PyxrayLaunchConfiguration = {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `PyXray: ${uri.path.split('/').pop()}`,
    program: uri.fsPath,
  };
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), withSettings(configuration));
}

/** Fills what a configuration leaves out from the user's `pyxray.debug.*` settings. */
function withSettings(configuration: PyxrayLaunchConfiguration): PyxrayLaunchConfiguration {
  const settings = vscode.workspace.getConfiguration('pyxray.debug');
  return {
    ...configuration,
    stopOnEntry: configuration.stopOnEntry ?? settings.get<boolean>('stopOnEntry', false),
    stepGranularity: configuration.stepGranularity ?? settings.get<'line' | 'instruction'>('stepGranularity', 'line'),
    maxInstructions: configuration.maxInstructions ?? settings.get<number | null>('maxInstructions', null) ?? undefined,
  };
}

class LaunchConfigurations implements vscode.DebugConfigurationProvider {
  /** F5 without a launch.json arrives here with an empty configuration: debug the active Python file. */
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, configuration: PyxrayLaunchConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    if (!configuration.type && !configuration.request && !configuration.name) {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'python') {
        void vscode.window.showInformationMessage('PyXray: open a Python file to debug, or add a "pyxray" configuration to launch.json.');
        return undefined;
      }
      configuration = { type: DEBUG_TYPE, request: 'launch', name: 'PyXray: current file', program: editor.document.uri.fsPath };
    }
    if (!configuration.program) configuration.program = vscode.window.activeTextEditor?.document.uri.fsPath;
    if (!configuration.program) {
      void vscode.window.showErrorMessage('PyXray: the launch configuration needs a "program".');
      return undefined;
    }
    return withSettings(configuration);
  }
}

/**
 * Runs dist/debugAdapter.js with the same Node that runs the extension host: in VS Code
 * desktop that is Electron, which ELECTRON_RUN_AS_NODE turns into plain Node; in code-server
 * and remote hosts it is Node already. No Node installation is needed.
 */
class AdapterProcess implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}

  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    const adapter = this.context.asAbsolutePath('dist/debugAdapter.js');
    return new vscode.DebugAdapterExecutable(process.execPath, [adapter], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
}

function stoppedPyxraySession(): vscode.DebugSession | undefined {
  const session = vscode.debug.activeDebugSession;
  return session?.type === DEBUG_TYPE && vscode.debug.activeStackItem ? session : undefined;
}

/** A dotted name such as `self.items` or `counter.__closure__`: what the adapter's evaluator reads without running code. */
const DOTTED_NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

class HoverExpressions implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.EvaluatableExpression> {
    if (!stoppedPyxraySession()) return undefined;
    const range = document.getWordRangeAtPosition(position, DOTTED_NAME);
    if (!range) return undefined;
    // Hovering `b` in `a.b.c` evaluates `a.b`, not the whole chain.
    const text = document.getText(range);
    const hoveredEnd = text.indexOf('.', position.character - range.start.character);
    const end = hoveredEnd === -1 ? range.end : range.start.translate(0, hoveredEnd);
    return new vscode.EvaluatableExpression(new vscode.Range(range.start, end));
  }
}
