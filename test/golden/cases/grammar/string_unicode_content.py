"中文字符串"
'日本語'
"émoji 😀"
"mixed 中 and ascii"
b"ascii only"
"\u4e2d" == "中"
"Ω≈ç√∫"
