x	=	1
if x:
	y	=	(x,	x)
