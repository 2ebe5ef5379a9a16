f(ﬁle=1, file=2)
