# float repr/str: shortest round-trip digits, exponent switch points, inf/nan, -0.0
for x in (0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
          1e-4, 1e-5, 0.0001234, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float('inf'), float('-inf'), float('nan'), 1e22, 1e23, 9007199254740993.0, 100.0,
          1234.5, 0.3, 2.675, 1.1, 3.141592653589793, 1e100, 1.0e-10, 4.35, 0.5e-6):
    show(lambda: (repr(x), str(x)))
show(lambda: [0.1, -0.0, 1e50])
show(lambda: (0.1,))
show(lambda: {1.5: 2.5})
show(lambda: float.__repr__(2.5))
show(lambda: -float('nan'))
show(lambda: float('-nan'))
show(lambda: abs(float('-inf')))
show(lambda: 1e308 * 10)
show(lambda: -1e308 * 10)
show(lambda: 1e308 * 10 - 1e308 * 10)
show(lambda: 0.1 + 0.7)
show(lambda: 1.0 * 3)
show(lambda: 2.0 ** 0.5)
show(lambda: 10.0 ** 15)
show(lambda: 10.0 ** 16)
show(lambda: 1e-7 * 3)
