from . import x
from .. import y
from ... import z
from .... import w
from .mod import a
from ..pkg.mod import b as c
from ...... import deep
from . import (e, f)
