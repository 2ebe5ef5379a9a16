# float(): strings (whitespace, underscores, inf/nan spellings, exponents), objects, errors
for text in ('1', ' 1.5 ', '-0', '+.5', '5.', '.', '1e5', '1E-5', '1_000.5', '1__0', '_1', '1_', '1e1_0',
             'inf', '-INF', 'Infinity', '+infinity', 'infinit', 'nan', '-NaN', 'nan(1)', '0x10', '',
             ' ', '1e', 'e5', '1.5.5', '١٢', '\u2003 7 \u2003', '1e400', '-1e400', '1e-400',
             '123456789012345678901234567890', '0.1e-1', '00.5', '1 2', 'abc', '1,5'):
    show(lambda: float(text))
show(lambda: float())
show(lambda: float(5))
show(lambda: float(2**1023 * 2 - 1))
show(lambda: float(2**1024))
show(lambda: float(-(10**400)))
show(lambda: float(True))
show(lambda: float(b'1.5'))
show(lambda: float(bytearray(b' 2 ')))
show(lambda: float(None))
show(lambda: float([]))
show(lambda: float('1', 2))
show(lambda: float(x='1'))
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 7
class BadFloat:
    def __float__(self):
        return 1
class FSub(float):
    pass
class FloatSubFloat:
    def __float__(self):
        return FSub(1.5)
show(lambda: float(WithFloat()))
show(lambda: float(WithIndex()))
show(lambda: float(BadFloat()))
show(lambda: FSub('3.5'))
show(lambda: float(FSub(1.5)) is not None)
show(lambda: type(float(FSub(1.5))))
