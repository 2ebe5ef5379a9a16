class Point:
    x: int
    y: int = 0
    z: "Point"
