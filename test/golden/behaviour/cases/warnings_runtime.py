# DeprecationWarnings CPython 3.11 prints when natives see deprecated protocols (once per location)
class WithTrunc:
    def __trunc__(self):
        return 9
class FSub(float):
    pass
class FloatSubFloat:
    def __float__(self):
        return FSub(1.5)
class IntSub(int):
    pass
class IntSubIndex:
    def __index__(self):
        return IntSub(3)
class ComplexSub(complex):
    pass
class ComplexSubComplex:
    def __complex__(self):
        return ComplexSub(1, 2)
show(lambda: int(WithTrunc()))
show(lambda: type(float(FloatSubFloat())))
show(lambda: type(IntSubIndex().__index__()))
show(lambda: complex(ComplexSubComplex()))
show(lambda: bool(NotImplemented))
