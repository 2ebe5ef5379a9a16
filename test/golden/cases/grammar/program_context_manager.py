from contextlib import contextmanager


class Resource:
    def __enter__(self):
        print("open")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", exc_type)
        return False


@contextmanager
def managed():
    print("enter")
    yield 42
    print("exit")


with Resource() as r, managed() as value:
    print(r, value)
