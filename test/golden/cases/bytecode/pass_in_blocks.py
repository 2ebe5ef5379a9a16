def f(x):
    if x:
        pass
    else:
        pass
    for i in x:
        pass
    while x:
        pass
    try:
        pass
    except:
        pass
