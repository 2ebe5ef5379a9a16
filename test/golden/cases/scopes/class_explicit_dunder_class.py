class C:
    def which(self):
        return __class__
