import sys, re
class _NoAddr:
    def write(self, s):
        return sys.__stdout__.write(re.sub(r'0x[0-9a-f]+', '0x?', s))
    def flush(self):
        pass
sys.stdout = _NoAddr()
import dis

def add(a, b=2, *args, k=3, **kw):
    """doc"""
    x = a + b
    for i in range(3):
        if i > 1:
            x += i
    try:
        x / 0
    except ZeroDivisionError as e:
        pass
    return f"{x!r:>4}"

def outer():
    y = 1
    def inner():
        return y
    return inner

dis.dis(add)
dis.dis(outer)
dis.dis(outer, depth=0)
dis.dis("a = x + 1")
dis.dis("x * 2")
for ins in dis.get_instructions(add):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line, ins.is_jump_target, ins.positions)
bc = dis.Bytecode(outer)
print(bc)
for ins in bc:
    print(ins)
print(bc.dis())
print(bc.info())
dis.show_code(add)
print(dis.code_info("a = 1"))
print(dis.opname[100], dis.opmap['LOAD_CONST'], dis.cmp_op, dis.hasconst, dis.hasjrel, dis.HAVE_ARGUMENT)
print(dis.stack_effect(dis.opmap['LOAD_CONST'], 0), dis.stack_effect(dis.opmap['POP_JUMP_FORWARD_IF_TRUE'], 3, jump=True))
print(list(dis.findlinestarts(add.__code__)))
print(dis.findlabels(add.__code__.co_code))
print(add.__code__.co_code[:6], list(add.__code__.co_lines())[:4], list(add.__code__.co_positions())[:4])
print(add.__code__.co_lnotab)
class C:
    def m(self):
        return self
    @classmethod
    def c(cls):
        return 1
    @staticmethod
    def s():
        return 2
    @property
    def p(self): return 3
dis.dis(C)
g = (i for i in range(3))
dis.dis(g)
dis.disassemble(add.__code__, 4)
try:
    dis.dis(42)
except TypeError as e:
    print(e)
import io
buf = io.StringIO()
dis.dis("z = 1", file=buf)
print(buf.getvalue().splitlines())
print(dis.pretty_flags(3), dis.Instruction._fields, dis.Positions(1, 2))
