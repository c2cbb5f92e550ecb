# feature: types.str.format
# Integer presentation types, signs, zero padding and the # prefix flag.
n = 255
print("{:d} {:x} {:X} {:o} {:b} {:c}".format(n, n, n, n, n, 65))
print("{:#x} {:#o} {:#b} {:08b}".format(n, n, n, 5))
print("{:+d} {:+d} {: d} {:05d} {:<05d}".format(5, -5, 5, -42, 7))
print("{:x} {:5}|{:<5}|".format(-255, 3, 3))
