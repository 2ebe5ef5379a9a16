# complex(): from numbers, strings, two arguments, __complex__, errors
for text in ('1+2j', '1-2j', ' (1+2j) ', '(1+2j', '1+2j)', '2j', '-j', 'j', '+J', '1', '-1.5', '1e3+1e-3j',
             'inf+nanj', '-infj', 'nan', '1 + 2j', '1+', '', '()', '1j+2', '1+2k', '0x1+2j', '1_0+2_0j',
             '1__0j', '  3.5J  ', '1+-2j', '(3)', '1e5j', '.5j', '5.j'):
    show(lambda: complex(text))
show(lambda: complex())
show(lambda: complex(1))
show(lambda: complex(1, 2))
show(lambda: complex(1.5, -2.5))
show(lambda: complex(1j, 1j))
show(lambda: complex(1 + 2j, 3 + 4j))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(imag=3))
show(lambda: complex(True, False))
show(lambda: complex('1', 2))
show(lambda: complex(1, '2'))
show(lambda: complex(None))
show(lambda: complex([1]))
show(lambda: complex(10**400))
show(lambda: complex(-0.0, -0.0))
show(lambda: complex(0, -0.0))
show(lambda: complex(b'1'))
class WithComplex:
    def __complex__(self):
        return 3 + 4j
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 7
class BadComplex:
    def __complex__(self):
        return 5
class C(complex):
    pass
show(lambda: complex(WithComplex()))
show(lambda: complex(WithFloat()))
show(lambda: complex(WithIndex()))
show(lambda: complex(WithFloat(), WithFloat()))
show(lambda: complex(BadComplex()))
show(lambda: C(1, 2))
show(lambda: type(C(1, 2)))
show(lambda: type(C(1, 2) + 1))
show(lambda: complex(C(1, 2)))
show(lambda: type(complex(C(1, 2))))
show(lambda: (1 + 2j).conjugate())
show(lambda: (-0j).conjugate())
show(lambda: (1 + 2j).real)
show(lambda: (1 + 2j).__complex__() if hasattr(1j, '__complex__') else 'no __complex__')
show(lambda: hash(1 + 0j) == hash(1))
show(lambda: hash(1.5j))
show(lambda: hash(1 + 2j))
show(lambda: hash(complex(-1, 0)))
show(lambda: hash(-1 + 3j))
show(lambda: {1j: 'a', complex(0, 1): 'b'})
show(lambda: {0j, 0, 0.0, False})
show(lambda: complex.__name__)
show(lambda: complex.__mro__)
show(lambda: (1j).__getnewargs__())
show(lambda: int(1j))
show(lambda: float(1j))
show(lambda: round(1j))
show(lambda: complex.__doc__[:20])
show(lambda: (1 + 2j).__add__(1), )
show(lambda: (1 + 2j).__add__('x'))
show(lambda: (1 + 2j).__radd__(1))
show(lambda: (1 + 2j).__rsub__(1))
show(lambda: (1 + 2j).__rtruediv__(1))
show(lambda: (1 + 2j).__pow__(2))
show(lambda: (1 + 2j).__rpow__(2))
show(lambda: (1 + 2j).__eq__(1 + 2j))
show(lambda: (1 + 2j).__lt__(1 + 2j))
show(lambda: ((1 + 2j).__abs__(), (1 + 2j).__bool__(), (1 + 2j).__neg__(), (1 + 2j).__pos__()))
show(lambda: sorted(n for n in dir(1j) if not n.startswith('_')))
