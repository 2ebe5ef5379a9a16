import os
import os.path
import os.path as p
import a.b.c as d
from os import path, sep as s
from . import x
from ..y import z
from .m import *
def f():
    import sys
    from json import loads
    return sys, loads
