import os
import os.path
import a.b.c
import os as operating_system
import a.b.c as d, e, f.g as h
