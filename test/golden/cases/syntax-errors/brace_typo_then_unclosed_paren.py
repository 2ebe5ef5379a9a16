class PintTest:
    def __init__(self):
        self.num01_{list = list('a'
        self.num02 = 2
