// The output normalisation of test/oracle/normalize.py (the spec), in TS: the program's folder
// becomes $DIR, standard-library traceback frames are dropped, 0x addresses become 0x?.

const FRAME = /^ {2}File "([^"]+)", line \d+/;

export function normalise(text: string, folder: string): string {
  folder = folder.replace(/\/+$/, '');
  const out: string[] = [];
  let skipping = false;
  for (const line of text.split(/(?<=\n)/)) {
    const m = FRAME.exec(line);
    if (m) {
      const path = m[1];
      skipping = !(path.startsWith(folder + '/') || path.startsWith('<'));
      if (skipping) continue;
    } else if (skipping && line.startsWith('    ')) {
      continue;
    } else {
      skipping = false;
    }
    out.push(line);
  }
  return out.join('').split(folder + '/').join('$DIR/').replace(/0x[0-9a-fA-F]{6,}/g, '0x?');
}
