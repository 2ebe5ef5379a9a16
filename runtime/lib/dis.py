"""dis for the runtime: disassembles live code objects exactly as CPython 3.11's dis prints them.

The listing itself comes from the runtime's one disassembler (compiler/disassembler.ts, through
_dis), the same one `pyxray dis` and the debugger use; this module adds CPython's Python API
around it (dis, disassemble, get_instructions, Instruction, Bytecode, code_info, show_code...).
show_caches/adaptive are accepted; the runtime never specialises, so adaptive changes nothing
and CACHE entries are not listed.
"""

import sys
import collections
import io
import _dis

from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import _inline_cache_entries, _nb_ops

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()

_FORMAT_CONVERTERS = {None: None, 'str': str, 'repr': repr, 'ascii': ascii}


def _is_code(x):
    return type(x).__name__ == 'code'


def _have_code(x):
    return type(x).__name__ in ('method', 'function', 'code', 'classmethod', 'staticmethod') or isinstance(x, type)


def _try_compile(source, name):
    try:
        c = compile(source, name, 'eval')
    except SyntaxError:
        c = None
    if c is None:
        c = compile(source, name, 'exec')
    return c


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects."""
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__'):
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if _have_code(x1):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth,
                               show_caches=show_caches, adaptive=adaptive)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches)


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    return _dis.pretty_flags(flags)


def _get_code_object(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    for title, values, fmt in (("Constants:", co.co_consts, "%4d: %r"),
                               ("Names:", co.co_names, "%4d: %s"),
                               ("Variable names:", co.co_varnames, "%4d: %s"),
                               ("Free variables:", co.co_freevars, "%4d: %s"),
                               ("Cell variables:", co.co_cellvars, "%4d: %s")):
        if values:
            lines.append(title)
            for pair in enumerate(values):
                lines.append(fmt % pair)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'], defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line', 'is_jump_target', 'positions'],
    defaults=[None])


class Instruction(_Instruction):
    """Details for a bytecode operation"""

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(("%%%dd" % lineno_width) % self.starts_line)
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _instructions(co, mark_handlers, line_offset=0, show_caches=False):
    consts = co.co_consts
    for (opname_, opcode_, arg, kind, argval, argrepr, offset, starts_line, is_jump_target,
         positions) in _dis.instructions(co, mark_handlers, show_caches):
        if kind == 1:
            argval = consts[arg]
        elif kind == 2:
            argval = UNKNOWN
        elif kind == 3:
            argval = (_FORMAT_CONVERTERS[argval[0]], argval[1])
        if starts_line is not None:
            starts_line += line_offset
        yield Instruction(opname_, opcode_, arg, argval, argrepr, offset, starts_line,
                          is_jump_target, Positions(*positions))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    co = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _instructions(co, False, line_offset, show_caches)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    print(_dis.disassemble(co, lasti, show_caches), end='', file=file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches)


def _unpack_opargs(code):
    extended_arg = 0
    caches = 0
    for i in range(0, len(code), 2):
        if caches:
            caches -= 1
            continue
        op = code[i]
        caches = _inline_cache_entries[op]
        if op >= HAVE_ARGUMENT:
            arg = code[i + 1] | extended_arg
            extended_arg = (arg << 8) if op == EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        yield (i, op, arg)


def _disassemble_bytes(code, *, file=None):
    # Raw bytes carry no names or constants: arguments are shown as numbers, as CPython does.
    labels = findlabels(code)
    for offset, op, arg in _unpack_opargs(code):
        fields = ['   ', '>>' if offset in labels else '  ', repr(offset).rjust(4), opname[op].ljust(_OPNAME_WIDTH)]
        if arg is not None:
            fields.append(repr(arg).rjust(_OPARG_WIDTH))
        print(' '.join(fields).rstrip(), file=file)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is not None:
            if op in hasjrel:
                if 'JUMP_BACKWARD' in opname[op]:
                    arg = -arg
                label = offset + 2 + arg * 2
            elif op in hasjabs:
                label = arg * 2
            else:
                continue
            if label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


class Bytecode:
    """The bytecode operations of a piece of code."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _instructions(self.codeobj, True, self._line_offset, self.show_caches)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        offset = -1 if self.current_offset is None else self.current_offset
        return _dis.disassemble(self.codeobj, offset, self.show_caches)
