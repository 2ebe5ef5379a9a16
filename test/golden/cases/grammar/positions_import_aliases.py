import a.b.c as d, e
from . import (f as g,
               h)
from x import *
