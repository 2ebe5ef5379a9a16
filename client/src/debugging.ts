// The `pyxray` debugger inside VS Code: the "Debug with PyXray" command (no launch.json
// needed), launch configurations filled from the `pyxray.debug.*` settings, the adapter
// process (dist/debugAdapter.js, run by the Node that runs this extension host), hovers and
// inline values while a session is stopped, and a status bar item while a session runs.

import * as vscode from 'vscode';

export const DEBUG_TYPE = 'pyxray';
export const DEBUG_FILE_COMMAND = 'pyxray.debugFile';

interface PyxrayLaunchConfiguration extends vscode.DebugConfiguration {
  program?: string;
  stopOnEntry?: boolean;
  stepGranularity?: 'line' | 'instruction';
  maxInstructions?: number;
}

export function registerDebugging(context: vscode.ExtensionContext): void {
  const status = new SessionStatus();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(DEBUG_FILE_COMMAND, debugFile),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new LaunchConfigurations()),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AdapterProcess(context)),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, { createDebugAdapterTracker: (session) => status.trackerFor(session) }),
    vscode.languages.registerEvaluatableExpressionProvider('python', new HoverExpressions()),
    vscode.languages.registerInlineValuesProvider('python', new InlineNames()),
  );
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

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'self',
]);
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * Inline values: every name on the lines from the stopped function's `def` down to the
 * stopped line is looked up by VS Code in the adapter's Variables scopes, so the values shown
 * are exactly the adapter's (reprs with refcounts as it renders them), never re-evaluated.
 */
class InlineNames implements vscode.InlineValuesProvider {
  provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext): vscode.ProviderResult<vscode.InlineValue[]> {
    if (vscode.debug.activeDebugSession?.type !== DEBUG_TYPE) return [];
    const stoppedLine = Math.min(context.stoppedLocation.end.line, viewPort.end.line);
    const values: vscode.InlineValue[] = [];
    for (let line = Math.max(firstLineOfBlock(document, stoppedLine), viewPort.start.line); line <= stoppedLine; line++) {
      const text = withoutStringsAndComments(document.lineAt(line).text);
      for (const match of text.matchAll(IDENTIFIER)) {
        const start = match.index ?? 0;
        const name = match[0];
        if (PYTHON_KEYWORDS.has(name) || text[start - 1] === '.') continue;
        values.push(new vscode.InlineValueVariableLookup(new vscode.Range(line, start, line, start + name.length), name, false));
      }
    }
    return values;
  }
}

/** The line of the innermost `def` above `line` at a smaller indent, or 0 for module code. */
function firstLineOfBlock(document: vscode.TextDocument, line: number): number {
  let indent = document.lineAt(line).firstNonWhitespaceCharacterIndex;
  for (let current = line; current >= 0; current--) {
    const text = document.lineAt(current);
    if (text.isEmptyOrWhitespace) continue;
    if (text.firstNonWhitespaceCharacterIndex < indent) {
      if (/^\s*(async\s+)?def\s/.test(text.text)) return current;
      indent = text.firstNonWhitespaceCharacterIndex;
    }
  }
  return 0;
}

/** Blanks out string literals and a trailing comment so names inside them are not looked up. */
function withoutStringsAndComments(text: string): string {
  return text
    .replace(/(['"])(?:\\.|(?!\1).)*\1/g, (literal) => ' '.repeat(literal.length))
    .replace(/#.*$/, '');
}

/** "PyXray: running" / "PyXray: stopped (breakpoint)" in the status bar while a PyXray session lives. */
class SessionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pyxray.session', vscode.StatusBarAlignment.Left, 10);
  private readonly sessions = new Set<string>();

  constructor() {
    this.item.name = 'PyXray session';
    this.item.command = 'workbench.view.debug';
  }

  trackerFor(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onWillStartSession: () => {
        this.sessions.add(session.id);
        this.show('$(debug-alt) PyXray: running', session);
      },
      onDidSendMessage: (message: { type?: string; event?: string; body?: { reason?: string } }) => {
        if (message.type !== 'event') return;
        if (message.event === 'stopped') this.show(`$(debug-pause) PyXray: stopped (${message.body?.reason ?? 'paused'})`, session);
        else if (message.event === 'continued') this.show('$(debug-alt) PyXray: running', session);
      },
      onWillStopSession: () => this.end(session),
      onExit: () => this.end(session),
    };
  }

  private show(text: string, session: vscode.DebugSession): void {
    this.item.text = text;
    this.item.tooltip = `${session.name}: CPython 3.11 internals on PyXray's runtime`;
    this.item.show();
  }

  private end(session: vscode.DebugSession): void {
    this.sessions.delete(session.id);
    if (this.sessions.size === 0) this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
