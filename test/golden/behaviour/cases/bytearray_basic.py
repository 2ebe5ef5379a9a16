# bytearray: construction, mutation (item/slice assignment, del, append/extend/insert/pop/remove), repr
ba = bytearray(b'hello')
show(lambda: (ba, repr(ba), str(ba), len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3])))
show(lambda: (bytearray(), bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(b'x') * 3))
show(lambda: bytearray('x'))
show(lambda: bytearray([300]))
def mutate():
    a = bytearray(b'abcdef')
    a[0] = 65
    a[-1] = 70
    a[1:3] = b'XYZ'
    a[::2] = b'123'[:len(a[::2])] if len(a[::2]) == 3 else a[::2]
    return a
show(mutate)
def extended_bad():
    a = bytearray(b'abcdef')
    a[::2] = b'12'
    return a
show(extended_bad)
def set_bad():
    a = bytearray(b'ab')
    a[0] = 256
show(set_bad)
def set_str():
    a = bytearray(b'ab')
    a[0] = 'x'
show(set_str)
def index_err():
    a = bytearray(b'ab')
    a[5] = 1
show(index_err)
def methods():
    a = bytearray(b'abc')
    a.append(100)
    a.extend(b'ef')
    a.extend([103, 104])
    a.insert(0, 95)
    a.insert(-1, 33)
    p = a.pop()
    p2 = a.pop(0)
    a.remove(ord('b'))
    a.reverse()
    return a, p, p2
show(methods)
def dels():
    a = bytearray(b'0123456789')
    del a[0]
    del a[-1]
    del a[::2]
    del a[1:2]
    return a
show(dels)
show(lambda: bytearray(b'').pop())
show(lambda: bytearray(b'a').remove(98))
show(lambda: bytearray(b'a').append(256))
show(lambda: bytearray(b'a').append('b'))
show(lambda: bytearray(b'a').extend('bc'))
show(lambda: bytearray(b'a').extend(5))
def iadd():
    a = bytearray(b'x')
    a += b'yz'
    a *= 2
    return a
show(iadd)
show(lambda: bytearray(b'abc').copy())
def clear():
    a = bytearray(b'abc')
    a.clear()
    return a
show(clear)
show(lambda: (bytearray(b'Hi').upper(), bytearray(b' x ').strip(), bytearray(b'a,b').split(b','), bytearray(b'ab').hex()))
show(lambda: bytearray.fromhex('41 42'))
show(lambda: bytearray(b'abc') == b'abc')
show(lambda: bytearray(b'abc') + b'd')
show(lambda: b'd' + bytearray(b'abc'))
show(lambda: hash(bytearray(b'x')))
show(lambda: {bytearray(b'x')})
show(lambda: bytearray(b'\x00\xff\n\'"'))
show(lambda: bytearray(b'abc').decode())
show(lambda: bytearray(b'abc').find(b'c'))
show(lambda: bytearray(b'abc').replace(b'b', b'BB'))
show(lambda: type(bytearray(b'abc').replace(b'b', b'BB')))
show(lambda: bytearray(b'a b').split())
show(lambda: bytearray(b'abc').index(99))
show(lambda: bytearray(b'abc').count(b'c'))
show(lambda: bytearray(b'abc') < bytearray(b'abd'))
show(lambda: list(bytearray(b'ab')))
show(lambda: bytearray(b'ab') * 0)
show(lambda: bytearray.__name__)
show(lambda: bytearray(b'x').__alloc__() >= 1)
def slice_assign_iter():
    a = bytearray(b'abc')
    a[1:2] = [1, 2, 3]
    a[0:0] = bytearray(b'!!')
    a[len(a):] = b'$'
    return a
show(slice_assign_iter)
def self_assign():
    a = bytearray(b'abc')
    a[1:] = a
    return a
show(self_assign)
show(lambda: bytearray(b'%d') % 5)
