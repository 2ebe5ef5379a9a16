total = (1 +
         2 +
    3)
items = [
  1,
        2,
]
call(a,
b,
     c)
d = {
'k':
'v'}
