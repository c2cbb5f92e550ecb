# feature: types.str.split_partition
# partition/rpartition always return a 3-tuple around the first/last separator.
print("key=value=x".partition("="))
print("key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("=".partition("="), "a::b::c".partition("::"))
head, sep, tail = "user@host".partition("@")
print(head, sep, tail)
