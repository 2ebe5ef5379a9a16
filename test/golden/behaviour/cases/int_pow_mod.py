# pow() with a modulus, negative exponents (modular inverse), and pow's errors
for args in ((3, -1, 7), (2, -1, 4), (38, -1, 97), (2, -2, 11), (0, -1, 5), (-3, -1, 7), (3, -1, -7),
             (5, 3, 0), (5, 3, 1), (5, 0, 1), (-5, 3, 7), (5, 3, -7), (2, 1000, 10**9 + 7),
             (2**100, 3, 2**61 - 1), (3, 2**80, 1000), (1.5, 2, 3), (2, 2.0, 3), (2, 2, 3.0),
             (4, -1, 6), (2, 'a', 3)):
    show(lambda: pow(*args))
show(lambda: pow(2, 10))
show(lambda: pow(2, -10))
show(lambda: pow(-2, 0.5))
show(lambda: pow(0, 0))
show(lambda: pow(0.0, -1))
show(lambda: pow(2, 3, mod=5))
show(lambda: pow(base=2, exp=3))
show(lambda: pow(10, 400) % 7)
show(lambda: pow(True, 2))
show(lambda: pow())
show(lambda: (2).__pow__(3, 5))
show(lambda: (2).__pow__(-1, 5))
show(lambda: (2).__rpow__(3, 5))
show(lambda: (2).__pow__(3, 0))
show(lambda: 2 ** 0.5)
show(lambda: (-1) ** 0.5)
show(lambda: 10 ** -2)
show(lambda: 2 ** 2 ** 3)
show(lambda: (-2) ** -3)
show(lambda: 0 ** 0.0)
show(lambda: 1 ** float('nan'))
show(lambda: pow(2, 10**1000, 10**9))
