# feature: language.exceptions.else_finally
# finally runs while an unhandled exception propagates; the exception continues.
order = []

def f():
    try:
        order.append("body")
        raise IndexError("boom")
    finally:
        order.append("cleanup")

try:
    f()
except IndexError as e:
    order.append("caught " + str(e))
print(order)
