名字 = "value"
変数 = 1
café = 2
π = 3.14159
Δx = 0.1
def 函数(参数):
    return 参数 * 2
class 类:
    属性 = 1
print(名字, 函数(π))
