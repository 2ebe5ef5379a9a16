"a" "b"
"a" 'b' """c"""
("multi"
 "line")
b"x" b"y"
r"\d" "\n"
u"a" "b"
"a" u"b"
x = ("first"
     # comment between parts
     "second")
