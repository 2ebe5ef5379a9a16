class C:
    def method(self):
        def helper():
            return __class__
        return helper
