if x：
    pass
