# The __dict__ and __weakref__ getset descriptors a class statement creates: 48-byte objects
# with a GC header, as sys.getsizeof reports them.
import sys


class C:
    pass


class D(C):
    pass


print(sys.getsizeof(C.__dict__['__dict__']), sys.getsizeof(C.__dict__['__weakref__']))
print('__dict__' in D.__dict__, type(C.__dict__['__weakref__']).__name__)
