def f(o, i, v):
    o.x = v
    del o.x
    o[i] = v
    del o[i]
    o.x += 1
    o[i] += 1
    o[1:2] = v
    return o[i], o[1:2], o[::2], o[1:2, 3], o.x.y
