from os import path
from os import path as p, sep
from os.path import (join, split as s,)
from os.path import (
    dirname,
    basename,
)
from math import *
