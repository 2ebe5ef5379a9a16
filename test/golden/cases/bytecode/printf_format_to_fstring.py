def f(a, b):
    x = "%s and %r" % (a, b)
    y = "%-5s|%10s|%.3s" % (a, b, a)
    z = "%d" % (a,)
    w = "100%% %s" % (a,)
    v = "%s" % a
    return x, y, z, w, v
