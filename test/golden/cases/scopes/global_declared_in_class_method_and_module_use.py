config = {}
class Settings:
    def load(self):
        global config
        config = {"a": 1}
    def read(self):
        return config
