import reprlib, getpass
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr(10 ** 50), reprlib.repr((1,)), reprlib.repr([[[[[[[1]]]]]]]))
r = reprlib.Repr()
r.maxlist = 2
print(r.repr([1, 2, 3]), r.repr(frozenset()), r.repr(object)[:20])
class Node:
    def __init__(self):
        self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return f'Node({self.children!r})'
print(Node(), Node.__repr__.__name__)
print(getpass.getuser())
