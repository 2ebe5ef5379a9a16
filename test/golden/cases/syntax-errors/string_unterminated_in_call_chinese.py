print("错误信息)
