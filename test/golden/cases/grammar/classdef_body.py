class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    @staticmethod
    def origin():
        return Point(0, 0)
    class Inner:
        pass
