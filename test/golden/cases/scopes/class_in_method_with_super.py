class Outer:
    def build(self):
        class Inner(Base):
            def m(self):
                return super().m()
        return Inner
