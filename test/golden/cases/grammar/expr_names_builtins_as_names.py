print = print
len, list, dict = 1, 2, 3
True, False, None
__debug__
type = type
exec = eval
