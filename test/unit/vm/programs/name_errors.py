# NameError and AttributeError suggestions.
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2

try:
    Point().z2
except AttributeError as e:
    print("caught", e)
values = [1, 2]
print(valuez)
