if "中文" == 名字
    pass
