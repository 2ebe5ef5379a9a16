class C:
    x = __class__ if False else None
