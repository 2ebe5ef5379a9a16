import warnings, sys

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1

warnings.warn("plain user warning")
warnings.warn("same place twice")  # printed once per location
for i in range(3):
    warnings.warn("in a loop")
old()
warnings.warn("runtime!", RuntimeWarning)
warnings.warn(UserWarning("an instance"))
print(warnings.filters[:2])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", FutureWarning)
    warnings.warn("recorded", FutureWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno, w[0].filename == __file__)
    print(w[0])
print(len(warnings.filters))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("caught", repr(e))
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
warnings.warn("but not me")
def hook(message, category, filename, lineno, file=None, line=None):
    print("HOOK:", message, category.__name__, lineno)
warnings.showwarning = hook
warnings.warn("hooked")
warnings.showwarning = warnings._showwarning_orig
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "the line"), end='')
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)
print(repr(warnings.catch_warnings(record=True)))
warnings.simplefilter("error")
def deep():
    warnings.warn("fatal", RuntimeWarning)
deep()
