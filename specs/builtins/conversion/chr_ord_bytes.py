# feature: builtins.conversion.chr_ord
# ord() of a length-1 bytes or bytearray gives the byte value.
print(ord(b"a"), ord(b"\xff"), ord(b"\x00"))
data = b"hi"
print([ord(data[i:i + 1]) for i in range(len(data))], list(data))
try:
    print(ord(b"ab"))
except TypeError:
    print("TypeError")
try:
    print(ord(bytearray(b"\x10")))
except TypeError:
    print("TypeError bytearray")
