def 函数()：
    pass
