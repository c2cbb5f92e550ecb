# feature: types.str.percent
# Width, precision and the - + space 0 # flags.
print("[%5d] [%-5d] [%05d] [%+d] [% d]" % (42, 42, -42, 7, 7))
print("[%8.3f] [%-8.2f] [%.0f] [%+.1e]" % (3.14159, 2.5, 7.7, 1234.5))
print("[%x] [%X] [%o] [%#x] [%#o]" % (255, 255, 8, 255, 8))
print("[%.3s] [%6s] [%-6s]" % ("abcdef", "ab", "ab"))
print("[%*d] [%-*d]" % (4, 7, 4, 7))
