s = "中文"; t = s + s
d = {"键": 1, "值": [x for x in "汉字"]}
print("你好", 1 + 2, end="。")
a = "ü" if b else "é"; c = a
