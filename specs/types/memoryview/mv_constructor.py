# feature: types.memoryview.basic
# requires: array
# memoryview() needs a buffer object: bytes, bytearray or array, not str or int.
import array
for obj in (b"x", bytearray(2), array.array("b", [1])):
    print(type(obj), len(memoryview(obj)))
for bad in ("text", 5, [1]):
    try:
        memoryview(bad)
        print("accepted", type(bad))
    except TypeError:
        print("TypeError", type(bad))
