import csv, io, os, tempfile
os.chdir(tempfile.mkdtemp())
rows = [['name', 'age', 'note'], ['Ann', 30, 'likes, commas'], ['Bob', 4.5, 'say "hi"'], ['Cy', None, 'multi\nline'], ['', '', '']]
with open('out.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    w.writerows(rows[1:])
print(repr(open('out.csv', newline='').read()))
with open('out.csv', newline='') as f:
    r = csv.reader(f)
    for row in r:
        print(r.line_num, row)
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=['a', 'b'])
dw.writeheader()
dw.writerow({'a': 1, 'b': 'x y'})
dw.writerows([{'a': 2}, {'b': 3}])
print(repr(s.getvalue()))
s.seek(0)
for d in csv.DictReader(s):
    print(d)
try:
    dw.writerow({'a': 1, 'c': 2})
except ValueError as e:
    print(e)
print(list(csv.reader(['a;b;"c;d"'], delimiter=';')))
print(list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)) if False else None)
s2 = io.StringIO()
csv.writer(s2, quoting=csv.QUOTE_ALL).writerow(['a', 1])
csv.writer(s2, quoting=csv.QUOTE_NONNUMERIC).writerow(['a', 1, 2.5])
csv.writer(s2, dialect='excel-tab').writerow(['t', 'u'])
csv.writer(s2, dialect='unix').writerow(['t', 'u'])
print(repr(s2.getvalue()))
print(list(csv.reader(['a, b,  c'], skipinitialspace=True)), list(csv.reader(['', 'x'])))
print(csv.list_dialects(), csv.get_dialect('excel').delimiter)
try:
    csv.get_dialect('nope')
except csv.Error as e:
    print('Error', e)
