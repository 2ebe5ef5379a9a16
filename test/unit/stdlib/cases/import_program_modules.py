# Modules next to the program: written by the program itself (the sandbox keeps them in memory
# in pyxray; CPython writes them next to the case), imported, then removed again.
import os, sys, shutil
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, 'case_pkg'), exist_ok=True)
files = {
    'case_helper.py': 'X = 1\ndef hello():\n    return "hi from helper"\nif __name__ == "__main__":\n    print("not printed")\nprint("helper imported as", __name__)\n',
    'case_pkg/__init__.py': 'from .sub import VALUE\nprint("pkg init", __name__, __package__)\n',
    'case_pkg/sub.py': 'VALUE = 42\n',
    'case_bad.py': 'def broken(:\n  pass\n',
}
for name, text in files.items():
    with open(os.path.join(here, name), 'w') as f:
        f.write(text)
try:
    import case_helper
    print(case_helper.hello(), case_helper.X, case_helper.__file__ == os.path.join(here, 'case_helper.py'))
    import case_pkg
    print(case_pkg.VALUE, case_pkg.sub.VALUE, case_pkg.__path__ == [os.path.join(here, 'case_pkg')])
    from case_pkg.sub import VALUE as V
    print(V)
    import case_helper as h2
    print(h2 is case_helper, 'case_helper' in sys.modules)
    try:
        import case_nosuchmod
    except ModuleNotFoundError as e:
        print(e, e.name)
    try:
        import case_bad
    except SyntaxError as e:
        print('SyntaxError', e.msg, os.path.basename(e.filename), e.lineno, e.offset)
finally:
    for name in files:
        if not name.startswith('case_pkg/'):
            os.remove(os.path.join(here, name))
    shutil.rmtree(os.path.join(here, 'case_pkg'))
    shutil.rmtree(os.path.join(here, '__pycache__'), ignore_errors=True)
print(sorted(n for n in os.listdir(here) if n.startswith('case_')))
