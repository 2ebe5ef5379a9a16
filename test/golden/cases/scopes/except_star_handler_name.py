def f():
    try:
        pass
    except* OSError as group:
        print(group)
