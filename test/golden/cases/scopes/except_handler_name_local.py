def f():
    try:
        pass
    except ValueError as err:
        return err
