import dis
def f(a, b):
    x = a + b
    for i in range(x):
        print(i, a.real)
    return x
dis.dis(f, show_caches=True)
print([(i.opname, i.offset, i.arg, i.argrepr) for i in dis.get_instructions(f, show_caches=True)][:12])
print(dis.Bytecode(f, show_caches=True).dis() == dis.Bytecode(f).dis())
