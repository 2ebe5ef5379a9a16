class C:
    for i in range(3):
        pass
    with open("f") as fh:
        data = fh
    try:
        pass
    except Exception as err:
        pass
