try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError
    finally:
        print("inner")
except ValueError as e:
    print(e)
