# feature: types.bool_none.singletons
# bool() is False for zero numbers, empty containers and None; True otherwise.
falsy = [0, 0.0, -0.0, "", b"", bytearray(), [], (), {}, set(), frozenset(), range(0), None, False]
truthy = [1, -1, 0.1, "0", " ", b"\x00", [0], (None,), {0: 0}, {0}, range(1), object(), float("nan")]
print([bool(x) for x in falsy])
print([bool(x) for x in truthy])
print(bool(), type(bool(1)))
