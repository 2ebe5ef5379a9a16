s = 'abc\
def'
t = "中文\
续行"
u = b'x\
y'
