# float methods: hex/fromhex, is_integer, as_integer_ratio, conjugate, real/imag, hash
for x in (0.0, -0.0, 1.0, 0.5, -1.5, 0.1, 3.0, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float('inf'), float('-inf'), float('nan'), 123.456, 2.0**60, 1 / 3):
    show(lambda: x.hex())
    show(lambda: (x.is_integer(), x.real, x.imag, x.conjugate()))
    show(lambda: x.as_integer_ratio())
    show(lambda: hash(x) if x == x else "nan hashes by identity")
for text in ('0x1p0', '0x1.8p1', '-0x1p-2', '0X1.FFFFFFFFFFFFFP+1023', '0x1p1024', '0x1p-1074', '0x1p-1075',
             '0x.8p1', '0x10', '1', '  0x1p3  ', 'inf', '-Infinity', 'nan', '0x1.0000000000000001p0',
             '0x', 'zz', '0x1p', '0x1.8', '0x1.fffffffffffff8p0', '0x3.0p0', '0x1.123456789abcdef0123p0'):
    show(lambda: float.fromhex(text))
show(lambda: float.fromhex(1))
show(lambda: (1.5).hex.__name__)
show(lambda: float.fromhex.__name__)
show(lambda: hash(1.5) == hash(3 / 2))
show(lambda: hash(2.0) == hash(2))
show(lambda: hash(-1.0))
show(lambda: hash(0.1))
show(lambda: hash(1e100))
show(lambda: hash(-1e-100))
show(lambda: float.__getformat__('double'))
show(lambda: float.__getformat__('int'))
show(lambda: (1.0).__getnewargs__())
show(lambda: float.__name__)
show(lambda: float.__mro__)
class F(float):
    pass
show(lambda: F(2.5))
show(lambda: type(F(2.5) + 1))
show(lambda: F.fromhex('0x1p1'))
show(lambda: type(F.fromhex('0x1p1')))
show(lambda: F(2.5).hex())
