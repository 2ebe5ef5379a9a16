"""decimal for the runtime: decimal floating point per the General Decimal Arithmetic spec, with
CPython 3.11's API and texts (Decimal, Context with prec 28 and ROUND_HALF_EVEN, the rounding
modes, quantize, to_integral, sqrt, the signals as exceptions, localcontext, format specs).

A number is (sign, coefficient as an int, exponent) or a special (Infinity, NaN, sNaN). Every
operation computes exactly, then rounds to the context (_fix), raising the signals the context
traps. Covered beyond arithmetic: comparisons and hashes consistent with int/float,
as_tuple/as_integer_ratio, from_float, format(). Not covered: ln/log10/exp (approximated through
float), subnormal/clamp details near Emin/Emax.
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
           'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
           'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible',
           'InvalidContext', 'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
           'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN',
           'ROUND_05UP', 'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX',
           'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The flags/traps dict order, and the order Context's repr lists set signals in (libmpdec's).
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped]
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow]
# Conditions are reported through the signal that a context can trap (libmpdec's grouping).
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join(f"<class 'decimal.{k.__name__}'>:{v}" for k, v in self.items()) + '}'


class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None, _ignored_flags=None):
        dc = DefaultContext if '_default' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        self.flags = _SignalDict((s, False) for s in _SIGNALS)
        if flags is not None:
            for s in (flags if not isinstance(flags, dict) else [k for k, v in flags.items() if v]):
                self.flags[s] = True
        self.traps = _SignalDict((s, False) for s in _SIGNALS)
        if traps is None:
            source = dc.traps if dc else {InvalidOperation: True, DivisionByZero: True, Overflow: True}
            for s, v in source.items():
                self.traps[s] = v
        else:
            for s in (traps if not isinstance(traps, dict) else [k for k, v in traps.items() if v]):
                self.traps[s] = True

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if value < 1 or value > MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [s.__name__ for s in _REPR_ORDER if self.flags[s]]
        traps = [s.__name__ for s in _REPR_ORDER if self.traps[s]]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   ', '.join(flags), ', '.join(traps)))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       [s for s in _SIGNALS if self.flags[s]], [s for s in _SIGNALS if self.traps[s]])

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise(self, condition, result=None):
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = True
        if self.traps[signal]:
            raise signal([condition])
        return result

    def create_decimal(self, num='0'):
        d = Decimal(num, self)
        if d._is_special():
            return d
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def getcontext():
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if not hasattr(manager.new_context, key):
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(manager.new_context, key, value)
    return manager


def _round_coefficient(coeff, drop, rounding, sign):
    """coeff with its last `drop` digits rounded away: (new coefficient, inexact)."""
    if drop <= 0:
        return coeff, False
    q, r = divmod(coeff, 10 ** drop)
    half = 5 * 10 ** (drop - 1)
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = r != 0
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    elif rounding == ROUND_CEILING:
        up = r != 0 and sign == 0
    elif rounding == ROUND_FLOOR:
        up = r != 0 and sign == 1
    else:  # ROUND_05UP
        up = r != 0 and q % 10 in (0, 5)
    return (q + 1 if up else q), r != 0


def _ndigits(n):
    return len(str(n)) if n else 1


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = ''
        if isinstance(value, str):
            _parse_into(self, value, context)
            return self
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
            return self
        if isinstance(value, float):
            return cls.from_float(value) if cls is Decimal else cls(Decimal.from_float(value))
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            self._sign = sign
            if exp == 'F':
                self._int, self._exp, self._special = 0, 0, 'F'
                return self
            if exp in ('n', 'N'):
                self._int = int(''.join(map(str, digits)) or '0')
                self._exp, self._special = 0, exp
                return self
            for d in digits:
                if not (isinstance(d, int) and 0 <= d <= 9):
                    raise ValueError("coefficient must be a tuple of digits")
            self._int = int(''.join(map(str, digits)) or '0')
            self._exp = exp
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        d = object.__new__(Decimal)
        d._special = ''
        if _math.isinf(f) or _math.isnan(f):
            d._sign = 1 if (_math.copysign(1.0, f) < 0 and not _math.isnan(f)) else 0
            d._int, d._exp, d._special = 0, 0, 'F' if _math.isinf(f) else 'n'
            return d if cls is Decimal else cls(d)
        d._sign = 0 if _math.copysign(1.0, f) > 0 else 1
        n, den = abs(f).as_integer_ratio()
        k = den.bit_length() - 1
        d._int = n * 5 ** k
        d._exp = -k
        return d if cls is Decimal else cls(d)

    # -------------------------------------------------------------- basics

    def _is_special(self):
        return self._special != ''

    def _isnan(self):
        return 2 if self._special == 'N' else 1 if self._special == 'n' else 0

    def _isinfinity(self):
        return (-1 if self._sign else 1) if self._special == 'F' else 0

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_snan(self):
        return self._special == 'N'

    def is_qnan(self):
        return self._special == 'n'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        if self._special or self._int == 0:
            return False
        context = context or getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._special or self._int == 0:
            return False
        context = context or getcontext()
        return self.adjusted() < context.Emin

    def _digits(self):
        return str(self._int)

    def as_tuple(self):
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special:
            return DecimalTuple(self._sign, tuple(map(int, str(self._int))) if self._int else (), self._special)
        return DecimalTuple(self._sign, tuple(map(int, str(self._int))), self._exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio")
        if not self._int:
            return 0, 1
        n = self._int
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        return (-n if self._sign else n), d

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special:
            payload = str(self._int) if self._int else ''
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + payload
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            context = context or getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    # -------------------------------------------------------------- rounding to a context

    def _fix(self, context):
        if self._special:
            return self
        prec = context.prec
        n = _ndigits(self._int)
        coeff, exp = self._int, self._exp
        if n > prec:
            drop = n - prec
            coeff, inexact = _round_coefficient(coeff, drop, context.rounding, self._sign)
            exp += drop
            if _ndigits(coeff) > prec:
                coeff //= 10
                exp += 1
            context._raise(Rounded)
            if inexact:
                context._raise(Inexact)
        result = _dec(self._sign, coeff, exp)
        if coeff and result.adjusted() > context.Emax:
            context._raise(Inexact)
            context._raise(Rounded)
            return context._raise(Overflow, _dec(self._sign, 0, 0, 'F'))
        return result

    # -------------------------------------------------------------- arithmetic

    def _nan_result(self, other, context):
        for x in (self, other):
            if x is not None and x._special == 'N':
                return context._raise(InvalidOperation, _dec(x._sign, x._int, 0, 'n'))
        for x in (self, other):
            if x is not None and x._special == 'n':
                return x
        return None

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            if self._special == 'F':
                if other._special == 'F' and self._sign != other._sign:
                    return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
                return self
            return other
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and other._sign) or (context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        else:
            sign = 1 if total < 0 else 0
        return _dec(sign, abs(total), exp)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            if (self._special == 'F' and other.is_zero()) or (other._special == 'F' and self.is_zero()):
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            return _dec(sign, 0, 0, 'F')
        return _dec(sign, self._int * other._int, self._exp + other._exp)._fix(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            if self._special == 'F' and other._special == 'F':
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            if self._special == 'F':
                return _dec(sign, 0, 0, 'F')
            context._raise(Clamped)
            return _dec(sign, 0, context.Etiny())
        if other._int == 0:
            if self._int == 0:
                return context._raise(DivisionUndefined, _dec(0, 0, 0, 'n'))
            return context._raise(DivisionByZero, _dec(sign, 0, 0, 'F'))
        if self._int == 0:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = _ndigits(other._int) - _ndigits(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coeff, remainder = divmod(self._int * 10 ** shift, other._int)
            else:
                coeff, remainder = divmod(self._int, other._int * 10 ** -shift)
            if remainder:
                # Inexact: a last digit of 0 or 5 could round wrongly; nudge it.
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal = self._exp - other._exp
                while exp < ideal and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec(sign, coeff, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide_integer(self, other, context):
        """(quotient truncated toward zero, remainder with the dividend's sign), both Decimals."""
        sign = self._sign ^ other._sign
        if other._int == 0:
            if self._int == 0:
                return context._raise(DivisionUndefined, _dec(0, 0, 0, 'n')), context._raise(DivisionUndefined, _dec(0, 0, 0, 'n'))
            return context._raise(DivisionByZero, _dec(sign, 0, 0, 'F')), context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if _ndigits(q) > context.prec:
            return (context._raise(DivisionImpossible, _dec(0, 0, 0, 'n')),) * 2
        return _dec(sign, q, 0), _dec(self._sign, r, exp)._fix(context)

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            if self._special == 'F' and other._special == 'F':
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            if self._special == 'F':
                return _dec(self._sign ^ other._sign, 0, 0, 'F')
            return _dec(self._sign ^ other._sign, 0, 0)
        return self._divide_integer(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            if self._special == 'F':
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            return self._fix(context)
        return self._divide_integer(other, context)[1]

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        return self._divide_integer(other, context)

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def remainder_near(self, other, context=None):
        other = _convert(other, True)
        context = context or getcontext()
        q = (self / other).to_integral_value(rounding=ROUND_HALF_EVEN)
        return (self - q * other)._fix(context)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        if modulo is not None:
            modulo = _convert(modulo, True)
            return Decimal(pow(int(self), int(other), int(modulo)))
        if self._special or other._special:
            nan = self._nan_result(other, context)
            if nan is not None:
                return nan
            return Decimal(float(self) ** float(other))._fix(context)
        if other._int == 0:
            if self._int == 0:
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            return _dec(0, 1, 0)
        if other == other.to_integral_value():
            n = int(other)
            if self._int == 0:
                if n < 0:
                    return context._raise(DivisionByZero, _dec(self._sign if n % 2 else 0, 0, 0, 'F'))
                return _dec(self._sign if n % 2 else 0, 0, 0)
            sign = self._sign if n % 2 else 0
            if n > 0:
                return _dec(sign, self._int ** n, self._exp * n)._fix(context)
            extra = Context(prec=context.prec + 3, rounding=ROUND_HALF_EVEN)
            base = _dec(0, self._int ** -n, self._exp * -n)
            result = _dec(0, 1, 0).__truediv__(base, context=extra)
            return _dec(sign, result._int, result._exp)._fix(context)
        if self._sign:
            return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
        context._raise(Inexact)
        context._raise(Rounded)
        return Decimal(repr(float(self) ** float(other)))._fix(context)

    def __rpow__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def __neg__(self, context=None):
        context = context or getcontext()
        if self._special:
            return self.copy_negate() if self._special == 'F' else self
        if self._int == 0 and context.rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)._fix(context)
        return _dec(1 - self._sign, self._int, self._exp)._fix(context)

    def __pos__(self, context=None):
        context = context or getcontext()
        if self._special:
            return self
        if self._int == 0 and context.rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)._fix(context)
        return self._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._special:
            return self.copy_abs()
        return (self.__neg__(context=context) if self._sign else self.__pos__(context=context))

    def copy_abs(self):
        return _dec(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._int, self._exp, self._special)

    def sqrt(self, context=None):
        context = context or getcontext()
        if self._special:
            nan = self._nan_result(None, context)
            if nan is not None:
                return nan
            if self._sign:
                return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
            return self
        if self._int == 0:
            return _dec(self._sign, 0, self._exp // 2)
        if self._sign:
            return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
        prec = context.prec + 1
        # Scale so the coefficient has 2*prec digits and an even exponent.
        shift = max(0, 2 * prec - _ndigits(self._int))
        if (self._exp - shift) % 2:
            shift += 1
        c = self._int * 10 ** shift
        e = (self._exp - shift) // 2
        root = _math.isqrt(c)
        exact = root * root == c
        if exact:
            ideal = self._exp // 2
            while e < ideal and root % 10 == 0:
                root //= 10
                e += 1
        elif root % 5 == 0:
            root += 1
        return _dec(0, root, e)._fix(context)

    def exp(self, context=None):
        return self._via_float(_math.exp, context)

    def ln(self, context=None):
        return self._via_float(_math.log, context)

    def log10(self, context=None):
        return self._via_float(_math.log10, context)

    def _via_float(self, fn, context):
        context = context or getcontext()
        return Decimal(repr(fn(float(self))))._fix(context)

    def fma(self, other, third, context=None):
        other = _convert(other, True)
        product = _dec(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
        return product.__add__(third, context=context)

    def normalize(self, context=None):
        context = context or getcontext()
        if self._special:
            return self
        d = self._fix(context)
        if d._special or d._int == 0:
            return _dec(d._sign, 0, 0) if not d._special else d
        coeff, exp = d._int, d._exp
        while coeff % 10 == 0 and exp < context.Emax:
            coeff //= 10
            exp += 1
        return _dec(d._sign, coeff, exp)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        context = context or getcontext()
        rounding = rounding or context.rounding
        if self._special or exp._special:
            nan = self._nan_result(exp, context)
            if nan is not None:
                return nan
            if self._special == 'F' and exp._special == 'F':
                return self
            return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
        target = exp._exp
        if target > self._exp:
            coeff, inexact = _round_coefficient(self._int, target - self._exp, rounding, self._sign)
            context._raise(Rounded)
            if inexact:
                context._raise(Inexact)
        else:
            coeff = self._int * 10 ** (self._exp - target)
        if _ndigits(coeff) > context.prec:
            return context._raise(InvalidOperation, _dec(0, 0, 0, 'n'))
        return _dec(self._sign, coeff, target)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return self._special == other._special
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        context = context or getcontext()
        if self._special or self._exp >= 0:
            return self
        coeff, _ = _round_coefficient(self._int, -self._exp, rounding or context.rounding, self._sign)
        return _dec(self._sign, coeff, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        context = context or getcontext()
        if self._special or self._exp >= 0:
            return self
        coeff, inexact = _round_coefficient(self._int, -self._exp, rounding or context.rounding, self._sign)
        context._raise(Rounded)
        if inexact:
            context._raise(Inexact)
        return _dec(self._sign, coeff, 0)

    # -------------------------------------------------------------- comparisons and conversions

    def _cmp(self, other):
        """-1, 0, 1 comparing two non-NaN Decimals."""
        a, b = self._isinfinity(), other._isinfinity()
        if a or b:
            if a == b:
                return 0
            return 1 if a == 1 or b == -1 else -1
        if self._int == 0 and other._int == 0:
            return 0
        sa = -1 if self._sign else 1
        sb = -1 if other._sign else 1
        if self._int == 0:
            return -sb
        if other._int == 0:
            return sa
        if sa != sb:
            return sa
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        if a == b:
            return 0
        return sa if a > b else -sa

    def _compare_operand(self, other, equality):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = True
            if not equality and getcontext().traps[FloatOperation]:
                raise FloatOperation([FloatOperation])
            return Decimal.from_float(other)
        if hasattr(other, 'numerator') and hasattr(other, 'denominator') and equality:
            return other
        return NotImplemented

    def __eq__(self, other, context=None):
        other = self._compare_operand(other, True)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            n, d = self.as_integer_ratio() if not self._special else (None, None)
            return (n, d) == (other.numerator, other.denominator)
        if self.is_nan() or other.is_nan():
            return False
        return self._cmp(other) == 0

    def _order(self, other, op):
        other = self._compare_operand(other, False)
        if other is NotImplemented:
            return other
        if self.is_nan() or other.is_nan():
            context = getcontext()
            context._raise(InvalidOperation)
            return False
        return op(self._cmp(other))

    def __lt__(self, other, context=None):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other, context=None):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other, context=None):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other, context=None):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        other = _convert(other, True)
        if self.is_nan() or other.is_nan():
            return self._nan_result(other, context or getcontext())
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        return (self if self._cmp(other) >= 0 else other)._fix(context or getcontext())

    def min(self, other, context=None):
        other = _convert(other, True)
        return (self if self._cmp(other) <= 0 else other)._fix(context or getcontext())

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value.')
            if self._special == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            if self._int == 0:
                return 0
            return hash(int(self))
        modulus = 2 ** 61 - 1
        inv10 = pow(10, modulus - 2, modulus)
        h = self._int * pow(inv10, -self._exp, modulus) % modulus
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __int__(self):
        if self._special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'decimal.Decimal' object cannot be interpreted as an integer")

    def __float__(self):
        if self._special:
            if self.is_nan():
                return float('nan')
            return float('-inf') if self._sign else float('inf')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        if self._special:
            return int(self)
        return int(self.to_integral_value(rounding=ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            return int(self)
        return int(self.to_integral_value(rounding=ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            return self.quantize(_dec(0, 1, -n))
        if self._special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self.to_integral_value(rounding=ROUND_HALF_EVEN))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def canonical(self):
        return self

    def number_class(self, context=None):
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        inf = self._isinfinity()
        if inf == 1:
            return "+Infinity"
        if inf == -1:
            return "-Infinity"
        if self.is_zero():
            return "-Zero" if self._sign else "+Zero"
        if self.is_subnormal(context):
            return "-Subnormal" if self._sign else "+Subnormal"
        return "-Normal" if self._sign else "+Normal"

    # -------------------------------------------------------------- formatting

    def __format__(self, specifier, context=None):
        context = context or getcontext()
        spec = _parse_format_spec(specifier)
        kind = spec['type']
        if self._special:
            body = str(self.copy_abs()) if self._special == 'F' else ('NaN' if self._special == 'n' else 'sNaN')
            if self._special == 'F':
                body = 'Infinity'
            return _finish_format(self._sign, body, spec)
        rounding = context.rounding
        prec = spec['precision']
        d = self.copy_abs()
        if kind == '%':
            d = _dec(0, d._int, d._exp + 2)
        if kind in ('e', 'E'):
            if prec is not None:
                d = _round_significant(d, prec + 1, rounding)
            digits = str(d._int)
            exp = d._exp + len(digits) - 1
            mantissa = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
            if prec is not None and prec == 0:
                mantissa = digits[0]
            if spec['alt'] and '.' not in mantissa:
                mantissa += '.'
            body = mantissa + ('e' if kind == 'e' else 'E') + '%+d' % exp
        elif kind in ('f', 'F', '%'):
            if prec is not None:
                d = d.quantize(_dec(0, 1, -prec), rounding=rounding, context=Context(prec=MAX_PREC))
            body = _fixed(d)
            if spec['alt'] and '.' not in body:
                body += '.'
            if kind == '%':
                body += '%'
        elif kind in ('g', 'G', 'n') or (kind is None and prec is not None):
            p = prec if prec is not None else None
            if p == 0:
                p = 1
            if p is not None:
                d = _round_significant(d, p, rounding)
            digits = str(d._int)
            leftdigits = d._exp + len(digits)
            if d._exp <= 0 and leftdigits > -6:
                body = _fixed(d)
            else:
                mantissa = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
                body = mantissa + ('e' if kind != 'G' else 'E') + '%+d' % (leftdigits - 1)
        else:
            body = str(d)
        if self._int == 0 and spec['z'] and self._sign:
            return _finish_format(0, body, spec)
        return _finish_format(self._sign, body, spec)


def _dec(sign, coeff, exp, special=''):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _convert(other, raise_error=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raise_error:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


_OPS = {'__add__': '+', '__sub__': '-', '__mul__': '*', '__truediv__': '/', '__floordiv__': '//',
        '__mod__': '%', '__divmod__': 'divmod()', '__pow__': '** or pow()'}


def _c_type_errors(cls):
    # CPython's Decimal is a C type named 'decimal.Decimal': mixing it with a float (or another
    # builtin operand it refuses) fails with that name in the message, not the class's __name__.
    for name, symbol in _OPS.items():
        for reflected in (False, True):
            method_name = name if not reflected else '__r' + name[2:]
            impl = cls.__dict__.get(method_name)
            if impl is None:
                continue

            def wrapper(self, other, *args, _impl=impl, _symbol=symbol, _reflected=reflected, **kwargs):
                result = _impl(self, other, *args, **kwargs)
                if result is NotImplemented and isinstance(other, (float, str, complex, list, tuple, dict, type(None))):
                    left, right = ('decimal.Decimal', type(other).__name__)
                    if _reflected:
                        left, right = right, left
                    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (_symbol, left, right))
                return result
            wrapper.__name__ = method_name
            wrapper.__qualname__ = 'Decimal.' + method_name
            setattr(cls, method_name, wrapper)


_c_type_errors(Decimal)


def _parse_into(self, value, context):
    # Underscores may group digits (not doubled).
    text = value.strip().replace('_', '') if '__' not in value else None
    import re
    m = None if text is None else re.fullmatch(
        r'(?P<sign>[-+])?(?:(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[-+]?\d+))?'
        r'|(?P<inf>Inf(?:inity)?)|(?P<signal>s)?NaN(?P<diag>\d*))', text, re.IGNORECASE)
    if m is None or (m.group('inf') is None and m.group('diag') is None and m.group('signal') is None
                     and not m.group('int') and not m.group('frac') and 'nan' not in text.lower()):
        context = context or getcontext()
        context._raise(ConversionSyntax)
        self._sign, self._int, self._exp, self._special = 0, 0, 0, 'n'
        return
    self._sign = 1 if m.group('sign') == '-' else 0
    if m.group('inf'):
        self._int, self._exp, self._special = 0, 0, 'F'
        return
    if 'nan' in text.lower():
        diag = m.group('diag')
        self._int = int(diag) if diag else 0
        self._exp = 0
        self._special = 'N' if m.group('signal') else 'n'
        return
    intpart = m.group('int') or ''
    frac = m.group('frac') or ''
    exp = int(m.group('exp') or 0)
    self._int = int(intpart + frac or '0')
    self._exp = exp - len(frac)


def _fixed(d):
    """A non-negative finite Decimal without exponent notation."""
    digits = str(d._int)
    if d._exp >= 0:
        return digits + '0' * d._exp if d._int else '0'
    point = len(digits) + d._exp
    if point > 0:
        return digits[:point] + '.' + digits[point:]
    return '0.' + '0' * (-point) + digits


def _round_significant(d, places, rounding):
    digits = _ndigits(d._int)
    if d._int == 0:
        return _dec(d._sign, 0, d._exp)
    drop = digits - places
    if drop <= 0:
        return _dec(d._sign, d._int * 10 ** (-drop), d._exp + drop)
    coeff, _ = _round_coefficient(d._int, drop, rounding, d._sign)
    exp = d._exp + drop
    if _ndigits(coeff) > places:
        coeff //= 10
        exp += 1
    return _dec(d._sign, coeff, exp)


def _parse_format_spec(spec):
    import re
    m = re.fullmatch(r'(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<z>z)?(?P<alt>#)?'
                     r'(?P<zero>0)?(?P<width>\d+)?(?P<thousands>[,_])?(?:\.(?P<precision>\d+))?'
                     r'(?P<type>[eEfFgGn%])?', spec, re.DOTALL)
    if m is None:
        raise ValueError("invalid format string")
    fill = m.group('fill')
    align = m.group('align')
    if m.group('zero') and fill is None and align is None:
        fill, align = '0', '='
    return {'fill': fill or ' ', 'align': align or '>', 'sign': m.group('sign') or '-',
            'z': bool(m.group('z')), 'alt': bool(m.group('alt')),
            'width': int(m.group('width')) if m.group('width') else 0,
            'thousands': m.group('thousands') or '',
            'precision': int(m.group('precision')) if m.group('precision') is not None else None,
            'type': m.group('type'), 'zero': bool(m.group('zero'))}


def _finish_format(sign, body, spec):
    if spec['thousands']:
        intpart = body
        rest = ''
        for i, ch in enumerate(body):
            if not ch.isdigit():
                intpart, rest = body[:i], body[i:]
                break
        groups = []
        while len(intpart) > 3:
            groups.insert(0, intpart[-3:])
            intpart = intpart[:-3]
        groups.insert(0, intpart)
        body = spec['thousands'].join(groups) + rest
    prefix = '-' if sign else ('+' if spec['sign'] == '+' else ' ' if spec['sign'] == ' ' else '')
    width = spec['width']
    fill = spec['fill']
    align = spec['align']
    padding = max(0, width - len(prefix) - len(body))
    if align == '<':
        return prefix + body + fill * padding
    if align == '^':
        left = padding // 2
        return fill * left + prefix + body + fill * (padding - left)
    if align == '=':
        return prefix + fill * padding + body
    return fill * padding + prefix + body


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero, Overflow, InvalidOperation],
                         flags=[], Emax=999999, Emin=-999999, capitals=1, clamp=0)
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation,
                                                             Clamped, Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])
_default = True
_current = [DefaultContext.copy()]
