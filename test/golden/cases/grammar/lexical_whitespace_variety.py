x=1
y  =  2
z	=	3
f ( a , b )
a [ 0 ]
a . b
