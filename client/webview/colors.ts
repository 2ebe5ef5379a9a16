// Colours for the canvases, taken from the VS Code theme's CSS variables (--vscode-charts-*,
// terminal ANSI colours, editor colours) so the views follow light, dark and high-contrast
// themes. A canvas cannot use CSS variables directly: each value is resolved to RGBA once per
// theme change through a 1 × 1 canvas.

export type Rgba = [number, number, number, number];

const PALETTE_VARIABLES = [
  '--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple',
  '--vscode-charts-yellow', '--vscode-charts-red', '--vscode-terminal-ansiCyan', '--vscode-terminal-ansiMagenta',
  '--vscode-terminal-ansiBrightBlue', '--vscode-terminal-ansiBrightGreen', '--vscode-terminal-ansiBrightYellow',
  '--vscode-terminal-ansiBrightMagenta', '--vscode-terminal-ansiBrightCyan', '--vscode-terminal-ansiYellow',
];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#cca700', '#f14c4c', '#11a8cd', '#bc3fbc', '#3b8eea', '#23d18b', '#f5f543', '#d670d6', '#29b8db', '#e5e510'];

/** Types whose colour stays put whatever else the heap holds, so a learner learns them. */
const FIXED_SLOTS: Record<string, number> = {
  int: 0, str: 1, list: 2, dict: 3, tuple: 4, float: 5, function: 6, cell: 7, set: 8, bytes: 9, code: 10, type: 11,
};
/** Allocations that are not objects (a list's item array, a dict's keys): drawn in a neutral grey. */
export const BUFFER_TYPE = '(buffer)';

export class ThemeColors {
  palette: Rgba[] = [];
  foreground: Rgba = [204, 204, 204, 255];
  muted: Rgba = [128, 128, 128, 255];
  background: Rgba = [30, 30, 30, 255];
  focus: Rgba = [0, 127, 212, 255];
  added: Rgba = [137, 209, 133, 255];
  removed: Rgba = [241, 76, 76, 255];
  freeBlock: Rgba = [60, 60, 60, 255];
  private readonly probe: CanvasRenderingContext2D;

  constructor() {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    this.probe = canvas.getContext('2d', { willReadFrequently: true })!;
    this.refresh();
  }

  refresh(): void {
    const style = getComputedStyle(document.body);
    const read = (name: string, fallback: string): Rgba => this.resolve(style.getPropertyValue(name).trim() || fallback);
    this.palette = PALETTE_VARIABLES.map((name, i) => read(name, FALLBACK[i]));
    this.foreground = read('--vscode-foreground', '#cccccc');
    this.muted = read('--vscode-descriptionForeground', '#9d9d9d');
    // The view's own background: the side bar's in the Run and Debug container, the editor's in a panel.
    const background = style.getPropertyValue('--vscode-sideBar-background').trim() || style.getPropertyValue('--vscode-editor-background').trim();
    this.background = this.resolve(background || '#1e1e1e');
    this.focus = read('--vscode-focusBorder', '#007fd4');
    this.added = read('--vscode-gitDecoration-addedResourceForeground', '#81b88b');
    this.removed = read('--vscode-gitDecoration-deletedResourceForeground', '#c74e39');
    this.freeBlock = mix(this.background, this.foreground, 0.12);
  }

  /**
   * The colour of a type: full-strength fixed colours for the common ones; for the rest a stable
   * hash over the palette's dimmer variants (half-way to the background), so they read apart
   * from the common types and from each other.
   */
  typeColor(type: string): Rgba {
    if (type === BUFFER_TYPE) return mix(this.muted, this.background, 0.35);
    const slot = FIXED_SLOTS[type];
    if (slot !== undefined) return this.palette[slot];
    return mix(this.palette[hash(type) % this.palette.length], this.background, 0.45);
  }

  /** The tint of a pool tile by its size class (0..31). */
  sizeClassColor(sizeClass: number): Rgba {
    return this.palette[(sizeClass * 5) % this.palette.length];
  }

  private resolve(css: string): Rgba {
    this.probe.clearRect(0, 0, 1, 1);
    this.probe.fillStyle = '#000000';
    this.probe.fillStyle = css;
    this.probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = this.probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a];
  }
}

export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgba;
}

export function css(color: Rgba, alpha = 1): string {
  return `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${(color[3] / 255) * alpha})`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
