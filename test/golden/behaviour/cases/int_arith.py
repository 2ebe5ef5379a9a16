# int arithmetic: signs of // and %, big values, shifts, bitwise ops, true division, errors
for a in (7, -7, 0, 1, -1, 2**64, -(2**64) + 3):
    for b in (3, -3, 1, 2**33, -(2**70)):
        show(lambda: (a + b, a - b, a * b))
        show(lambda: (a // b, a % b, divmod(a, b)))
        show(lambda: a / b)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: divmod(1, 0))
show(lambda: 1 / 0)
show(lambda: 2**100 / 0)
show(lambda: 10**400 / 3)
show(lambda: 10**400 // 7)
show(lambda: (10**400) / (10**399))
show(lambda: 1 << 100)
show(lambda: -1 << 100)
show(lambda: (1 << 100) >> 98)
show(lambda: -5 >> 1)
show(lambda: -(2**80) >> 3)
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
show(lambda: 5 >> 1000)
show(lambda: -5 >> 1000)
show(lambda: (0xff & -16, 0xff | -16, 0xff ^ -16, ~0xff, ~-1))
show(lambda: (2**70 & -(2**65), 2**70 | 3, -(2**70) ^ 12345))
show(lambda: -(2**64) & 0xffff_ffff_ffff_ffff_f)
show(lambda: 2 ** 10)
show(lambda: 2 ** -1)
show(lambda: (-2) ** 3)
show(lambda: (-8) ** (1/3))
show(lambda: 0 ** 0)
show(lambda: 0 ** -1)
show(lambda: 3 ** 200)
show(lambda: 7 ** 77 % 1000)
show(lambda: -7 // 2)
show(lambda: +5, )
show(lambda: -(-5))
show(lambda: abs(-(2**90)))
show(lambda: 1 + 1.5)
show(lambda: 1 + True)
show(lambda: 1 + 'a')
show(lambda: 'a' * 3)
show(lambda: 3 * [1])
show(lambda: 1 - None)
show(lambda: 5 @ 3)
show(lambda: 2**64 * 2**64)
show(lambda: 12345678901234567890 * 98765432109876543210)
show(lambda: (10**30 + 1) % (10**15 + 7))
show(lambda: -(10**30) % 7)
show(lambda: 10**30 % -7)
show(lambda: 2**53 + 1 == float(2**53 + 1))
show(lambda: 2**53 / 1)
show(lambda: (2**53 + 1) / 1)
show(lambda: 1 / 3)
show(lambda: 2**1024 / 2)
show(lambda: 2**1100 / 2**1000)
show(lambda: float(2**1024))
x = 5
x += 3
x -= 1
x *= 4
x //= 3
x %= 5
x **= 3
x <<= 2
x >>= 1
x &= 0xff
x |= 0x100
x ^= 0x3
show(lambda: x)
