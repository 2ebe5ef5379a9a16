def add(a, b=2, *args, c, **kw) -> int:
    """Add two numbers.

    Longer description.
    """
    return a + b

def nodoc(x):
    pass

class Animal:
    """An animal."""
    kind = 'generic'
    def __init__(self, name):
        """Make one."""
        self.name = name
    def speak(self):
        """Say something."""
        return '...'
    @property
    def upper(self):
        """Name in capitals."""
        return self.name.upper()
    @staticmethod
    def create():
        return Animal('x')
    @classmethod
    def build(cls, n):
        "Build."
        return cls(n)

class Dog(Animal):
    def speak(self):
        return 'woof'

help(add)
help(nodoc)
help(Animal)
help(Dog)
help(lambda x: x)
help(Animal.speak)
help(Animal('a').speak)
from dataclasses import dataclass
class Base:
    "Base doc."
    def m(self):
        "m doc."
class Child(Base):
    pass
@dataclass
class P:
    x: int
    y: int = 0
def typed(a: int, b: "str" = 'x', *, flag: bool = False) -> list:
    """One line."""
async def co():
    "Coroutine."
help(Child)
help(typed)
help(co)
help(Child())
