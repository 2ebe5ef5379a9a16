class C(Base):
    def m(self):
        def inner():
            return super()
        return inner
