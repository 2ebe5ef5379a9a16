import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.floor(5), type(math.floor(2.0)), math.ceil(1e20))
print(math.factorial(25), math.gcd(48, 18), math.gcd(), math.lcm(4, 6), math.isqrt(10 ** 20 + 1))
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(5, 7))
print(math.pow(2, 10), math.exp(1), math.log(100, 10), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.log(2 ** 1000), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.degrees(math.pi), math.radians(180), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2),
            lambda: math.factorial(-1), lambda: math.exp(1000), lambda: math.pow(10, 400),
            lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.factorial(2.5),
            lambda: math.sqrt('x'), lambda: math.isqrt(-1), lambda: math.fmod(1, 0)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math)
