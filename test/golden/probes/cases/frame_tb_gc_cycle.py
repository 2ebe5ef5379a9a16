# Storing the caught exception in a local makes a cycle: exception -> traceback -> frame ->
# local -> exception. Refcounting cannot free it; gc.collect() does, with CPython's count.
import gc


class Noisy:
    def __del__(self):
        print("del noisy")


def store():
    n = Noisy()
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    return 1


gc.collect()
gc.disable()
store()
print("returned, noisy alive")
print("collected", gc.collect())
print("again", gc.collect())


def nested_inner():
    data = [1, 2, 3]
    try:
        {}["k"]
    except KeyError as e:
        keep = e


def nested_outer():
    items = {"a": [1]}
    nested_inner()


nested_outer()
print("collected nested", gc.collect())


def fine():
    try:
        raise ValueError("w")
    except ValueError as e:
        pass
    return 2


fine()
print("no cycle", gc.collect())
