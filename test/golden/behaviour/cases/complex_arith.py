# complex arithmetic with ints, floats and complexes; division by zero; pow; abs
zs = (1 + 2j, -3j, 2 + 0j, 0.5 - 1.5j, complex(0, 0), 1e300 + 1e300j)
for a in zs:
    for b in (1 + 1j, 2, 0.5, -1j, 3 - 4j):
        show(lambda: (a + b, a - b, a * b))
        show(lambda: a / b)
        show(lambda: (b + a, b - a, b * a))
        show(lambda: b / a)
show(lambda: (1 + 2j) / 0)
show(lambda: (1 + 2j) / 0j)
show(lambda: 1 / 0j)
show(lambda: 0j ** 0)
show(lambda: 0j ** -1)
show(lambda: 0j ** (1 + 1j))
show(lambda: (1 + 2j) ** 2)
show(lambda: (1 + 2j) ** 0.5)
show(lambda: (1 + 2j) ** (1 + 1j))
show(lambda: (1 + 2j) ** -3)
show(lambda: 2 ** (1 + 1j))
show(lambda: 1j ** 2)
show(lambda: 1j ** 1j)
show(lambda: (1 + 2j) ** 100)
show(lambda: (3 + 4j) ** 20)
show(lambda: pow(1 + 2j, 2, 3))
show(lambda: (1 + 2j) // 2)
show(lambda: (1 + 2j) % 2)
show(lambda: divmod(1 + 2j, 2))
show(lambda: (1 + 2j) < (2 + 3j))
show(lambda: (1 + 2j) == (1 + 2j), )
show(lambda: ((1 + 0j) == 1, (1 + 0j) == 1.0, (1 + 1j) != 1, 1j == 'x'))
show(lambda: (abs(3 + 4j), abs(-1j), abs(0j), abs(1e300 + 1e300j), abs(complex('inf') + 1j)))
show(lambda: (-(1 + 2j), +(1 - 2j), -0j, -(0j), +(-0j)))
show(lambda: (1 + 2j) + 'a')
show(lambda: (1 + 2j) * [1])
show(lambda: bool(0j), )
show(lambda: (bool(1j), bool(0j), bool(complex(0, -0.0))))
show(lambda: 1e308j * 10)
show(lambda: (1 + 2j) * 10**400)
show(lambda: (1 + 2j) + 10**20)
show(lambda: 2**1024 + 1j)
z = 1 + 1j
z += 1
z *= 2j
z -= 1.5
z /= 2
z **= 2
show(lambda: z)
