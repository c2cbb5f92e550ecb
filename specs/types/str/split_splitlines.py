# feature: types.str.split_partition
# splitlines() splits on \n, \r\n and \r; keepends keeps the terminators;
# a trailing newline does not produce an empty last line.
s = "one\ntwo\r\nthree\rfour\n"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "x\n\ny".splitlines())
print("no newline".splitlines())
