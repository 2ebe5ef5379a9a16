class C:
    if flag:
        x = 1
    else:
        x = 2
    for i in range(3):
        pass
    try:
        import foo
    except ImportError:
        foo = None
