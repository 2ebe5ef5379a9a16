import io
from contextlib import redirect_stdout
from fractions import Fraction

buf = io.StringIO()
buf.write('hello ')
print('world', file=buf)
print(repr(buf.getvalue()), buf.tell())
with redirect_stdout(io.StringIO()) as out:
    print('captured line')
print(repr(out.getvalue()))
reader = io.StringIO('line one\nline two\nlast')
print(reader.readline(), reader.read(4), list(reader))
reader.seek(0)
print([line.rstrip() for line in reader])

a = Fraction(1, 3)
b = Fraction('2/6')
print(a, repr(a), a == b, a + Fraction(1, 6), a * 3, a - 1, a / Fraction(2, 3), -a, abs(-a))
print(Fraction(0.5), Fraction('3.25'), Fraction(6, -4), Fraction(10), Fraction('1e-2'))
print(a < Fraction(1, 2), a > 0.3, float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(Fraction(3.141592653589793).limit_denominator(1000), a ** 2, a ** -2, 2 ** Fraction(2), a + 0.5)
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)))
print(sum([Fraction(1, n) for n in range(1, 5)]), Fraction(1, 3).numerator, Fraction(1, 3).denominator)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
