"""Fraction: rational numbers (Lib/fractions.py) with CPython's reprs, normalisation, mixed
arithmetic with int/float, comparisons and the hash that agrees with int and float."""

import math

__all__ = ['Fraction']

_PyHASH_MODULUS = 2 ** 61 - 1
_PyHASH_INF = 314159


def _parse(text):
    s = text.strip().replace('_', '')
    sign = 1
    if s[:1] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not num.isdigit() or not den.strip().isdigit():
            raise ValueError('Invalid literal for Fraction: %r' % text)
        return sign * int(num), int(den)
    exp = 0
    if 'e' in s or 'E' in s:
        s, _, e = s.replace('E', 'e').partition('e')
        exp = int(e)
    if '.' in s:
        whole, _, frac = s.partition('.')
        if not (whole or frac) or not (whole + frac).isdigit():
            raise ValueError('Invalid literal for Fraction: %r' % text)
        num = int(whole + frac) if whole + frac else 0
        den = 10 ** len(frac)
    else:
        if not s.isdigit():
            raise ValueError('Invalid literal for Fraction: %r' % text)
        num, den = int(s), 1
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                if numerator != numerator:
                    raise ValueError('cannot convert NaN to integer ratio')
                if numerator in (float('inf'), float('-inf')):
                    raise OverflowError('cannot convert Infinity to integer ratio')
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                numerator, denominator = _parse(numerator)
                if denominator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, int) and isinstance(denominator, int):
            pass
        elif isinstance(numerator, Fraction) and isinstance(denominator, (Fraction, int)):
            other = Fraction(denominator)
            numerator, denominator = (numerator._numerator * other._denominator,
                                      numerator._denominator * other._numerator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = int(numerator)
        self._denominator = int(denominator)
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(f)

    @classmethod
    def from_decimal(cls, dec):
        return cls(str(dec))

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _operands(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(a, b):
        if isinstance(b, float):
            return float(a) + b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def __radd__(b, a):
        if isinstance(a, float):
            return a + float(b)
        if isinstance(a, int):
            return Fraction(a) + b
        return NotImplemented

    def __sub__(a, b):
        if isinstance(b, float):
            return float(a) - b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def __rsub__(b, a):
        if isinstance(a, float):
            return a - float(b)
        if isinstance(a, int):
            return Fraction(a) - b
        return NotImplemented

    def __mul__(a, b):
        if isinstance(b, float):
            return float(a) * b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    def __rmul__(b, a):
        if isinstance(a, float):
            return a * float(b)
        if isinstance(a, int):
            return Fraction(a) * b
        return NotImplemented

    def __truediv__(a, b):
        if isinstance(b, float):
            return float(a) / b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        if b._numerator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * b._denominator))
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    def __rtruediv__(b, a):
        if isinstance(a, float):
            return a / float(b)
        if isinstance(a, int):
            return Fraction(a) / b
        return NotImplemented

    def __floordiv__(a, b):
        if isinstance(b, float):
            return float(a) // b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def __rfloordiv__(b, a):
        if isinstance(a, int):
            return Fraction(a) // b
        return NotImplemented

    def __mod__(a, b):
        if isinstance(b, float):
            return float(a) % b
        b = a._operands(b)
        if b is None:
            return NotImplemented
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __rmod__(b, a):
        if isinstance(a, int):
            return Fraction(a) % b
        return NotImplemented

    def __divmod__(a, b):
        return (a // b, a % b)

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = b if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
            if a._numerator > 0:
                return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
            return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
        return float(a) ** float(b)

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        dinv = pow(self._denominator, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)
        if not dinv:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, float):
            if b != b or b in (float('inf'), float('-inf')):
                return False
            return a == Fraction(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _register():
    import numbers
    numbers.Rational.register(Fraction)


_register()
