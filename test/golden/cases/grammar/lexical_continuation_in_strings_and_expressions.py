s = "abc\
def"
t = 'x' \
    'y'
u = f"{a}\
{b}"
