# feature: builtins.conversion.chr_ord
# Out-of-range code points raise ValueError; ord() needs exactly one character.
def attempt(label, f, arg):
    try:
        print(label, repr(f(arg)))
    except (ValueError, TypeError, OverflowError) as e:
        print(label, type(e))
attempt("chr(-1)", chr, -1)
attempt("chr(0x110000)", chr, 0x110000)
attempt("chr(65.0)", chr, 65.0)
attempt("ord('ab')", ord, "ab")
attempt("ord('')", ord, "")
attempt("ord(65)", ord, 65)
