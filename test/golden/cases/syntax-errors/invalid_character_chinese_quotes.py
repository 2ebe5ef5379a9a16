print(“你好”)
