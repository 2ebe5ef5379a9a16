class Account:
    __count = 0
    def __init__(self):
        self.__balance = 0
        Account.__count += 1
    def __helper(self):
        return __count_global
    def get(self):
        return self.__balance, self.__helper()
