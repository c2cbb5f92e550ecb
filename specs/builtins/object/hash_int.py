# feature: builtins.object.len_hash
# Hashes of small ints are the ints themselves (except -1, reserved as an
# error code, which hashes to -2); equal numbers hash equal.
print(hash(0), hash(1), hash(42), hash(-7), hash(10**6))
print(hash(-1), hash(-2))
print(hash(True), hash(False))
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0))
print(hash(2**40) == 2**40)
