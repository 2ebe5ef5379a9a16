"""opcode for the runtime: CPython 3.11's opcode tables, read from the one table the compiler,
the VM and the disassembler share (runtime/src/compiler/opcodes.ts, through _dis)."""

import _dis

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

cmp_op = _dis.cmp_op
opname = _dis.opname
opmap = _dis.opmap
hasconst = _dis.hasconst
hasname = _dis.hasname
hasjrel = _dis.hasjrel
hasjabs = _dis.hasjabs
haslocal = _dis.haslocal
hascompare = _dis.hascompare
hasfree = _dis.hasfree
hasnargs = _dis.hasnargs
HAVE_ARGUMENT = _dis.HAVE_ARGUMENT
EXTENDED_ARG = _dis.EXTENDED_ARG
_nb_ops = _dis.nb_ops
_inline_cache_entries = _dis.inline_cache_entries


def stack_effect(opcode, oparg=None, /, *, jump=None):
    return _dis.stack_effect(opcode, oparg, jump=jump)
