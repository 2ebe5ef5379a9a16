"\n\t\r\\\'\""
'\a\b\f\v\0'
"\x41\x7f\xff"
"\101\7\77\177"
"\u00e9\u4e2d"
"\U0001F600\U00000041"
"line\
continued"
