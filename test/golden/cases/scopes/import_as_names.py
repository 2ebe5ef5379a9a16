import numpy as np
from math import pi as PI, tau
def f():
    import sys as system
    return system, np, PI
