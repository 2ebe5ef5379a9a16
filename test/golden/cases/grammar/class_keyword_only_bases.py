class C(metaclass=M):
    pass
class D(**options):
    pass
