class C(Base):
    def m(self):
        return super(C, self).m()
