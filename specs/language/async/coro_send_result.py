# feature: language.async.coroutines
# tags: core
# Calling an async function makes a coroutine; send(None) runs it and
# StopIteration.value carries the return value.
async def mul(a, b):
    return a * b

c = mul(6, 7)
try:
    c.send(None)
    print("still running")
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except StopIteration:
    print("StopIteration again")
except RuntimeError:
    print("RuntimeError")
