from os.path import *
def f():
    return join
