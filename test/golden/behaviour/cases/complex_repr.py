# complex repr/str and format: signed zeros, inf/nan, exponents, specs
for z in (1 + 2j, 1 - 2j, 2j, -2j, 0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
          complex(1, 0), complex(-1, -0.0), 1.5e300j, 1e-20 + 1e20j, complex(float('inf'), float('nan')),
          complex(float('-inf'), -float('inf')), complex(float('nan'), 1), 0.1 + 0.2j, 1e16j, 1e15 + 123j,
          complex(1, 2), complex(2.5, -0.5)):
    show(lambda: (repr(z), str(z), z.real, z.imag))
    show(lambda: (format(z, ''), format(z, '.2f'), format(z, 'e'), format(z, 'g'), format(z, '>30'), format(z, '+.1f')))
show(lambda: [1j, -1j])
show(lambda: (1j,))
show(lambda: format(1 + 2j, '^20'))
show(lambda: format(1 + 2j, '020'))
show(lambda: format(1 + 2j, '=20'))
show(lambda: format(1 + 2j, 'x'))
show(lambda: format(1 + 2j, '%'))
show(lambda: format(1 + 2j, 'n'))
show(lambda: format(1 + 2j, '10'))
show(lambda: format(1 + 2j, ','))
show(lambda: format(12345.678 + 1j, ',.2f'))
show(lambda: f'{1 + 2j:.3}')
show(lambda: f'{3j:g}')
show(lambda: '%s' % (1 + 2j))
show(lambda: '%r' % (1j,))
show(lambda: '%f' % 1j)
show(lambda: '{0.real}+{0.imag}'.format(3 + 4j))
show(lambda: 1j.__repr__())
show(lambda: complex.__repr__(2 + 3j))
