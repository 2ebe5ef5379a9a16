match * x
match, y
match [1]
match(1) + 2
case = match
match.case = _
