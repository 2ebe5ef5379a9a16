# round() and float rounding: half-even, ndigits (positive, zero, negative, huge), inf/nan errors
for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 0.375, 1.005, 1e300, 5e-324, -0.0, 123.456, 1234.5678,
          2.5e15, 4.5e15 + 1, 0.285, 1.0000000000000002):
    show(lambda: (round(x), round(x, 0), round(x, 1), round(x, 2), round(x, 3)))
    show(lambda: (round(x, -1), round(x, -2), round(x, 400), round(x, -400)))
show(lambda: round(float('inf')))
show(lambda: round(float('-inf'), 2))
show(lambda: round(float('nan')))
show(lambda: round(float('nan'), 1))
show(lambda: round(1e300))
show(lambda: type(round(2.5)))
show(lambda: type(round(2.5, 0)))
show(lambda: type(round(2.5, None)))
show(lambda: round(2.5, 1.0))
show(lambda: round('2.5'))
show(lambda: round(2.5, ndigits=0))
show(lambda: round(number=2.5))
show(lambda: round())
class R:
    def __round__(self, n=None):
        return ('rounded', n)
class NoRound:
    pass
show(lambda: round(R()))
show(lambda: round(R(), 3))
show(lambda: round(NoRound()))
show(lambda: (2.5).__round__())
show(lambda: (2.5).__round__(None))
show(lambda: (2.567).__round__(2))
show(lambda: round(5e-324, 323))
show(lambda: round(5e-324, 324))
show(lambda: round(0.5 + 2**-53))
show(lambda: round(1.23456789e10, -5))
show(lambda: round(-1.23456789e10, -5))
show(lambda: round(9.5), )
show(lambda: round(1e16 + 2.0))
