import sys
print(sys.getsizeof({i: i for i in range(10)}), sys.getsizeof({str(i): i for i in range(3)}))
