exec(compile("6*7", "<s>", "single"))
print(_)
exec(compile("None", "<s>", "single"))
import sys
sys.displayhook = lambda v: print("hook:", v)
exec(compile("[1, 2]", "<s>", "single"))
