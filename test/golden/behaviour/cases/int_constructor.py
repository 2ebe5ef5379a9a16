# int(): strings, bases, underscores, whitespace, floats, objects, errors
for text in ('0', '-0', '+12', ' 42 ', '\t-7\n', '1_000', '1__0', '_1', '1_', '0x10', '010', '00',
             '12a', '', ' ', '٣', '１２', '3.0', '1e3', '++1', '- 1', '0b101', '9' * 30):
    show(lambda: int(text))
for text, base in (('ff', 16), ('0xff', 16), ('0XfF', 0), ('0o17', 0), ('0b1_01', 0), ('017', 0),
                   ('0', 0), ('00', 0), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('10', 1),
                   ('10', 37), ('10', -1), ('  -0x_1f ', 0), ('0x_1f', 16), ('1_0', 8), ('-0b', 0),
                   ('0b', 2), ('10', 0)):
    show(lambda: int(text, base))
show(lambda: int())
show(lambda: int(3.99))
show(lambda: int(-3.99))
show(lambda: int(1e20))
show(lambda: int(2.5e-3))
show(lambda: int(float('inf')))
show(lambda: int(float('-inf')))
show(lambda: int(float('nan')))
show(lambda: int(True))
show(lambda: int(b'12'))
show(lambda: int(bytearray(b' 7 ')))
show(lambda: int(b'ff', 16))
show(lambda: int(12, 10))
show(lambda: int(None))
show(lambda: int([1]))
show(lambda: int('10', base=16))
show(lambda: int(x='10'))
show(lambda: int('1', 2, 3))
class WithInt:
    def __int__(self):
        return 42
class WithIndex:
    def __index__(self):
        return 7
class WithTrunc:
    def __trunc__(self):
        return 9
class BadInt:
    def __int__(self):
        return 'no'
class IntSub(int):
    pass
show(lambda: int(WithInt()))
show(lambda: int(WithIndex()))
show(lambda: int(BadInt()))
show(lambda: int('12', WithIndex()))
show(lambda: IntSub(5))
show(lambda: type(IntSub(5)))
show(lambda: type(int(IntSub(5))))
show(lambda: IntSub('11', 2) + 1)
show(lambda: type(IntSub(5) + 1))
show(lambda: int('1' * 5000) % 1000)
show(lambda: len(str(10 ** 4299)))
show(lambda: int('9' * 4301))
show(lambda: str(10 ** 4300))
show(lambda: repr(-(10 ** 50)))
