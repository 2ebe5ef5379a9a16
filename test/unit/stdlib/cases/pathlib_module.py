import os, tempfile
from pathlib import Path, PurePath, PurePosixPath
p = Path('a//b/./c.tar.gz')
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, list(p.parents), p.parts, p.anchor)
print(Path('/usr') / 'lib' / 'x.py', 'root' / Path('x'), Path('.'), Path(''), Path('/'), Path('/').parent)
print(p.with_suffix('.zip'), p.with_name('d.txt'), p.with_stem('e'), Path('a/b').joinpath('c', 'd'))
print(Path('/a/b/c').relative_to('/a'), Path('a.py').match('*.py'), Path('/x/a.py').match('/x/*.py'))
try:
    Path('/a/b').relative_to('/c')
except ValueError as e:
    print(e)
print(Path('a') == Path('a/'), Path('a') < Path('b'), hash(Path('a')) == hash(Path('a')), PurePath('x'), PurePosixPath('y/z'))
print(type(Path('x')).__name__, Path('/tmp').is_absolute(), Path('x').is_absolute(), str(Path('x').absolute()) == os.path.join(os.getcwd(), 'x'))
os.chdir(tempfile.mkdtemp())
d = Path('data')
d.mkdir()
(d / 'one.txt').write_text('hello\nworld\n')
(d / 'two.bin').write_bytes(b'\x00\x01')
(d / 'nested' / 'deeper').mkdir(parents=True)
(d / 'nested' / 'deeper' / 'x.txt').touch()
print((d / 'one.txt').read_text().splitlines(), (d / 'two.bin').read_bytes(), (d / 'one.txt').stat().st_size)
print(sorted(p.name for p in d.iterdir()), sorted(str(p) for p in d.glob('*.txt')), sorted(str(p) for p in d.rglob('*.txt')))
print(d.exists(), d.is_dir(), (d / 'one.txt').is_file(), (d / 'nope').exists())
try:
    d.mkdir()
except FileExistsError as e:
    print('FileExistsError', e)
d.mkdir(exist_ok=True)
try:
    (d / 'missing.txt').read_text()
except FileNotFoundError as e:
    print(e)
(d / 'one.txt').rename(d / 'uno.txt')
print(sorted(p.name for p in d.iterdir()))
(d / 'uno.txt').unlink()
(d / 'uno.txt').unlink(missing_ok=True)
with (d / 'w.txt').open('w') as f:
    f.write('via open')
print((d / 'w.txt').read_text(), Path.cwd() == Path(os.getcwd()), Path('data/../data').resolve() == d.resolve())
