class D(ArithmeticError): pass
class E(D, ZeroDivisionError): pass
class F(D, TypeError): pass
print(F.__mro__)
class G(OSError, ValueError): pass
print(G.__mro__)
try:
  class H(OSError, SyntaxError): pass
except TypeError as e: print(e)
try:
  class I(dict, list): pass
except TypeError as e: print(e)
import io
print(io.UnsupportedOperation.__mro__)
try:
  io.StringIO().fileno()
except ValueError as e: print(type(e))
