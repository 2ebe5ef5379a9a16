# leading comment
x = 1  # trailing comment
# between statements
def f(  # in parameters
    a,  # after a
    b,
):  # after colon
    # inside body
    return a  # after return
    # trailing in body
y = [  # open
    1,  # one
    # alone
    2,
]  # close
#comment without space
