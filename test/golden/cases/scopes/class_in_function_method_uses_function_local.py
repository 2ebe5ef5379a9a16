def factory(base):
    class Made(base):
        def get(self):
            return base
    return Made
