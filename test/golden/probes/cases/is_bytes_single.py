import sys
a = b"abc"
print(a[0:1] is a[0:1], bytes([65]) is bytes([65]))
