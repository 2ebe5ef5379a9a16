import os, tempfile, glob, fnmatch, errno, stat, importlib, sys
os.chdir(tempfile.mkdtemp())
for p in ['a.txt', 'b.py', 'c.txt', '.hidden.txt', 'sub/d.txt', 'sub/e.py', 'sub/deep/f.txt']:
    os.makedirs(os.path.dirname(p) or '.', exist_ok=True)
    with open(p, 'w') as f:
        f.write(p)
print(sorted(glob.glob('*.txt')))
print(sorted(glob.glob('*')))
print(sorted(glob.glob('sub/*')))
print(sorted(glob.glob('*/*.py')))
print(sorted(glob.glob('**/*.txt', recursive=True)))
print(sorted(glob.glob('**', recursive=True)))
print(sorted(glob.glob('?.py')), glob.glob('nothing*'), glob.glob('a.txt'), glob.glob('missing.txt'))
print(sorted(glob.glob('*.txt', root_dir='sub')), glob.has_magic('a*'), glob.escape('a[b]*'))
print(fnmatch.fnmatch('foo.txt', '*.txt'), fnmatch.fnmatch('foo.txt', '*.py'), fnmatch.filter(['a1', 'b2', 'a3'], 'a?'))
print(fnmatch.translate('*.py'), fnmatch.translate('[!a-c]x?'), fnmatch.fnmatchcase('Foo', 'f*'))
print(errno.ENOENT, errno.errorcode[2], errno.EEXIST)
try:
    open('missing')
except OSError as e:
    print(e.errno == errno.ENOENT)
m = os.stat('a.txt').st_mode
print(stat.S_ISREG(m), stat.S_ISDIR(m), stat.S_ISDIR(os.stat('sub').st_mode), stat.filemode(0o100644), stat.filemode(0o40755))
json = importlib.import_module('json')
print(json.dumps([1]), importlib.import_module('os.path') is os.path)
with open('mymod.py', 'w') as f:
    f.write('VALUE = 1\n')
sys.path.insert(0, os.getcwd()) if hasattr(sys, 'path') else None
