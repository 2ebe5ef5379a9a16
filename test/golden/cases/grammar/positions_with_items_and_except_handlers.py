with (a as b,
      c as d):
    pass
try:
    pass
except (E1,
        E2) as e:
    pass
