# Pool: map/apply/async results and callbacks, errors from workers, pickling errors.
import multiprocessing as mp
import re


def square(x):
    return x * x


def add(a, b):
    return a + b


def boom(x):
    raise KeyError(x)


def make_local():
    def local(x):
        return x
    return local


def masked(e):
    return re.sub(r'0x[0-9a-f]+', '0x?', str(e))


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=4))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5, 6)), pool.apply(add, (), {'a': 1, 'b': 2}))
        r = pool.apply_async(square, (12,))
        print(r.get(), r.ready(), r.successful())
        print(pool.map_async(square, [1, 2]).get())
        for r in pool.imap(square, range(4)):
            print('imap', r)
        unordered = []
        for r in pool.imap_unordered(square, range(4), chunksize=2):
            unordered.append(r)
        print(sorted(unordered))
        r = pool.apply_async(boom, ('k',))
        try:
            r.get()
        except KeyError as e:
            print('worker raised', repr(e), r.successful())
        errors = []
        r = pool.apply_async(boom, ('e',), error_callback=errors.append)
        r.wait()
        print('error_callback got', errors)
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__name__, masked(e))
        try:
            pool.apply(make_local(), (1,))
        except Exception as e:
            print(type(e).__name__, masked(e))
        try:
            pool.apply(square, ((i for i in range(3)),))
        except Exception as e:
            print(type(e).__name__, masked(e))
    try:
        pool.map(square, [1])
    except ValueError as e:
        print(e)
    try:
        mp.Pool(0)
    except ValueError as e:
        print(e)
    results = []
    pool = mp.Pool(2)
    for i in range(4):
        pool.apply_async(square, (i,), callback=results.append)
    pool.close()
    pool.join()
    print(sorted(results))
    from multiprocessing.pool import ThreadPool
    with ThreadPool(2) as tp:
        print(tp.map(lambda x: x + 1, [1, 2, 3]))
