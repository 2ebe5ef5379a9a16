# 银行账户：类、属性、异常
class InsufficientFunds(Exception):
    pass


class Account:
    interest = 0.01

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: 余额不足")
        self._balance -= amount
        return self._balance


acct = Account("小明", 100)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("错误：", e)
