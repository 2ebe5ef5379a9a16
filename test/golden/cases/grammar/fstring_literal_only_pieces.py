f"just text"
f"" ""
"" f""
f"a" "b" f"c"
