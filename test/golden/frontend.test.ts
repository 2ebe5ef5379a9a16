// Our front end against CPython 3.11 on every golden case and corpus program: the AST dump (with
// positions) and the symbol-table dump must be byte-identical to the committed oracle output.
// The machinery (file layout, comparison, diff report) lives in goldenFiles.ts.

import { astDumpText, symtableDumpText, normalizeNewlines } from '../../runtime/src/frontend';
import { defineFrontendGoldenSuite } from './goldenFiles';

defineFrontendGoldenSuite({ astDumpText, symtableDumpText, normalizeNewlines });
