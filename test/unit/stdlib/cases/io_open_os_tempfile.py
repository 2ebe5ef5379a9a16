import os, io, tempfile, shutil
os.chdir(tempfile.mkdtemp())
print(os.listdir('.'))

def attempt(label, fn):
    try:
        r = fn()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

# text write/read
with open('a.txt', 'w') as f:
    print(repr(f), f.name, f.mode, f.encoding, f.closed, f.readable(), f.writable())
    print(f.write('line1\nline2\n'), f.tell())
    f.writelines(['x\n', 'y'])
print(f.closed, repr(f))
with open('a.txt') as f:
    print(repr(f.read()))
with open('a.txt') as f:
    print(f.readline(), end='')
    print(repr(f.readline()), f.tell())
    print(f.readlines())
with open('a.txt') as f:
    for i, line in enumerate(f):
        print(i, repr(line))
print(list(open('a.txt')))
print(open('a.txt').read(3), open('a.txt').readline(2))

# append / x / +
with open('a.txt', 'a') as f:
    f.write('\nappended')
print(open('a.txt').read().splitlines())
attempt('x existing', lambda: open('a.txt', 'x'))
with open('new.txt', 'x') as f:
    f.write('created')
print(open('new.txt').read())
with open('a.txt', 'r+') as f:
    f.write('LINE')
    f.seek(0)
    print(repr(f.read(8)))
with open('w.txt', 'w+') as f:
    f.write('hello world')
    f.seek(6)
    print(repr(f.read()))
    f.seek(0, 2)
    print(f.tell())
    f.truncate(5)
print(repr(open('w.txt').read()))

# binary
with open('b.bin', 'wb') as f:
    print(repr(f), f.mode)
    f.write(b'\x00\x01abc\n\xff')
    f.write(bytearray(b'zz'))
with open('b.bin', 'rb') as f:
    print(repr(f), f.read(2), f.tell(), f.read(), f.read())
    f.seek(-3, 2)
    print(f.read(), f.seek(1), f.readline(), f.readline())
with open('b.bin', 'ab') as f:
    f.write(b'!')
print(open('b.bin', 'rb').read())

# newline handling
with open('nl.txt', 'w', newline='') as f:
    f.write('a\r\nb\rc\nd')
print(open('nl.txt', 'rb').read())
print(repr(open('nl.txt').read()), open('nl.txt').readlines())
print(repr(open('nl.txt', newline='').read()), open('nl.txt', newline='').readlines())
with open('crlf.txt', 'w', newline='\r\n') as f:
    f.write('1\n2\n')
print(open('crlf.txt', 'rb').read())

# encodings
with open('u.txt', 'w', encoding='utf-8') as f:
    print(f.encoding)
    f.write('héllo €\n')
print(open('u.txt', 'rb').read(), open('u.txt', encoding='utf-8').read())
print(os.path.getsize('u.txt'))

# buffering: unflushed data not visible to another reader
f = open('buf.txt', 'w')
f.write('pending')
print(repr(open('buf.txt').read()))
f.flush()
print(repr(open('buf.txt').read()))
f.close()

# errors
attempt('missing', lambda: open('missing.txt'))
attempt('bad mode', lambda: open('a.txt', 'rw'))
attempt('tb mode', lambda: open('a.txt', 'tb'))
attempt('no mode', lambda: open('a.txt', '+'))
attempt('enc binary', lambda: open('a.txt', 'rb', encoding='utf-8'))
attempt('write bytes to text', lambda: open('z.txt', 'w').write(b'x'))
attempt('write str to binary', lambda: open('z.bin', 'wb').write('x'))
attempt('read write-only', lambda: open('z.txt', 'w').read())
attempt('write read-only', lambda: open('a.txt').write('x'))
def closed_read():
    f = open('a.txt')
    f.close()
    return f.read()
attempt('closed', closed_read)
attempt('dir', lambda: open('.'))
attempt('no parent', lambda: open('nodir/x.txt', 'w'))
attempt('seek cur', lambda: open('a.txt').seek(3, 1))

# os on the sandbox
os.mkdir('sub')
attempt('mkdir again', lambda: os.mkdir('sub'))
os.makedirs('sub/deep/er')
os.makedirs('sub/deep', exist_ok=True)
attempt('makedirs exists', lambda: os.makedirs('sub/deep'))
with open('sub/deep/f.txt', 'w') as f:
    f.write('deep')
print(sorted(os.listdir('.')), os.listdir('sub'), os.path.exists('sub/deep/f.txt'))
print(os.path.isdir('sub'), os.path.isfile('sub'), os.path.isfile('a.txt'), os.path.exists('nope'))
for root, dirs, files in os.walk('sub'):
    print(root, sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir('.') if e.is_file()))
os.rename('new.txt', 'renamed.txt')
print(os.path.exists('new.txt'), open('renamed.txt').read())
os.replace('renamed.txt', 'a.txt')
print(open('a.txt').read())
os.remove('a.txt')
attempt('remove again', lambda: os.remove('a.txt'))
attempt('rmdir nonempty', lambda: os.rmdir('sub'))
attempt('listdir missing', lambda: os.listdir('missing'))
attempt('chdir missing', lambda: os.chdir('missing'))
print(os.stat('b.bin').st_size, os.path.getsize('b.bin'))
shutil.copy('b.bin', 'sub/copy.bin')
print(open('sub/copy.bin', 'rb').read())
shutil.rmtree('sub')
print(os.path.exists('sub'), sorted(os.listdir('.')))
cwd = os.getcwd()
os.chdir('..')
print(os.getcwd() == os.path.dirname(cwd))
os.chdir(cwd)

# tempfile
print(tempfile.gettempdir(), tempfile.gettempprefix())
fd, path = tempfile.mkstemp(suffix='.txt')
print(type(fd).__name__, path.startswith('/tmp/tmp'), path.endswith('.txt'))
os.write(fd, b'via fd')
os.close(fd)
print(open(path).read())
os.remove(path)
with tempfile.NamedTemporaryFile('w+', suffix='.log', delete=True) as t:
    t.write('temp data')
    t.flush()
    t.seek(0)
    print(t.read(), t.name.endswith('.log'), os.path.exists(t.name))
    name = t.name
print(os.path.exists(name))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'x.txt')
    with open(p, 'w') as f:
        f.write('in tempdir')
    print(os.listdir(d), open(p).read())
print(os.path.exists(d))
td = tempfile.TemporaryDirectory()
print(repr(td).startswith("<TemporaryDirectory '/tmp/tmp"))
td.cleanup()
with tempfile.TemporaryFile() as t:
    t.write(b'anon')
    t.seek(0)
    print(t.read())

# io
s = io.StringIO()
print('to stringio', file=s)
s.write('more')
print(repr(s.getvalue()))
b = io.BytesIO(b'abc\ndef')
print(b.readline(), b.read(), b.getvalue())
b.seek(0)
b.write(b'XY')
print(b.getvalue(), b.tell())
import io
t = io.TextIOWrapper(io.BytesIO("a\r\nb\nc".encode()), encoding="utf-8")
print(t.readline(), t.read(1), t.readlines())
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8")
w.write("héllo\n")
w.flush()
print(b.getvalue())
