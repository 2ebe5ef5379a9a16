cl{ass DogTu:
    type = "tugou"  # 类变量

    def __init__(self, name):
        self.name = name
