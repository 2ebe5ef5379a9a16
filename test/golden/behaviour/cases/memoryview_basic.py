# memoryview over bytes and bytearray: indexing, slicing, tobytes/tolist/hex, release, format
m = memoryview(b'abcdef')
show(lambda: (len(m), m[0], m[-1], m[1:3].tobytes(), m.tolist(), m.tobytes(), bytes(m[::2]), m.hex()))
show(lambda: (m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.obj))
show(lambda: m == b'abcdef')
show(lambda: m[10])
def write_ro():
    m[0] = 1
show(write_ro)
def write_rw():
    ba = bytearray(b'xyz')
    mv = memoryview(ba)
    mv[0] = 65
    mv[1:3] = b'BC'
    return ba
show(write_rw)
def released():
    mv = memoryview(b'q')
    mv.release()
    return mv[0]
show(released)
def ctx():
    with memoryview(b'ab') as mv:
        data = mv.tobytes()
    return data, repr(mv)[:20]
show(ctx)
show(lambda: memoryview(5))
show(lambda: memoryview('str'))
show(lambda: hash(memoryview(b'ab')) == hash(b'ab'))
show(lambda: list(memoryview(b'\x01\x02')))
show(lambda: type(memoryview(b'')).__name__)
show(lambda: memoryview(b'abc').cast('B').tolist())
