# bool: arithmetic returns int, bitwise stays bool, reprs, constructor, subclassing refused
show(lambda: (True, False, repr(True), str(False)))
show(lambda: (True + True, True * 5, -True, ~True, ~False, True / 2, True // 1, True % 2))
show(lambda: (True & False, True | False, True ^ True, False ^ False))
show(lambda: (type(True & False), type(True | 0), type(1 & True), type(True + 0)))
show(lambda: (bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(float('nan'))))
show(lambda: (bool(''), bool('0'), bool([]), bool([0]), bool(()), bool({}), bool(None), bool(range(0))))
show(lambda: bool(x=1))
show(lambda: bool(1, 2))
class Truthy:
    def __bool__(self):
        return False
class Lenny:
    def __len__(self):
        return 3
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class HugeLen:
    def __len__(self):
        return 2**70
class Plain:
    pass
show(lambda: (bool(Truthy()), bool(Lenny()), bool(Plain())))
show(lambda: bool(BadBool()))
show(lambda: bool(BadLen()))
show(lambda: bool(HugeLen()))
show(lambda: not Lenny())
show(lambda: type('B', (bool,), {}))
show(lambda: (isinstance(True, int), issubclass(bool, int), bool.__base__))
show(lambda: (True == 1, hash(True), hash(False)))
show(lambda: (True.real, True.imag, True.numerator, True.denominator, True.bit_length(), True.conjugate()))
show(lambda: (int(True), float(True), complex(False), str(True), format(True), format(False, 'd')))
show(lambda: (True.__and__(1), True.__rand__(False), True.__or__(2), True.__xor__(True)))
show(lambda: (True.__and__(1.0)))
show(lambda: (True < 2, False < True, max(True, False), sum([True, True, True])))
show(lambda: bool.__new__(bool, 5))
show(lambda: bool.__name__)
show(lambda: [True, False].index(0))
show(lambda: {True: 1}[1])
show(lambda: 'abc'[True])
show(lambda: (True and 3, False or 'x', 0 and 1, '' or 0))
show(lambda: (True).__repr__())
show(lambda: True.__round__())
show(lambda: abs(True))
show(lambda: -False)
show(lambda: divmod(True, True))
show(lambda: True ** 10)
show(lambda: True << 3)
