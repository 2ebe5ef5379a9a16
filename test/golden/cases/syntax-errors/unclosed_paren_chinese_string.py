print("你好，世界"
