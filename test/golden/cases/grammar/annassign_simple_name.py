x: int
y: int = 5
z: "forward" = None
