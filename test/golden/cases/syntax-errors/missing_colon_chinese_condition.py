if 分数 >= 60
    print("及格")
