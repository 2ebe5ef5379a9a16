ﬁle = 1
ℌ = 2
print(file, H)
