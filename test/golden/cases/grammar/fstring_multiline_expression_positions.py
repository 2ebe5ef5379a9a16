x = f"""a
{
    value
    + 1
}b {c}
d"""
y = (f"{a}"
     f"{b}")
