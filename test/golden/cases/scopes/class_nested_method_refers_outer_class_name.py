class Outer:
    class Inner:
        def make(self):
            return Outer()
