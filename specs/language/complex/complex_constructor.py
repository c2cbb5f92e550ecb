# feature: language.complex.arithmetic
# complex() from numbers and strings.
print(complex(), complex(2), complex(1.5, -2), complex(3j, 1))
print(complex("1+2j"), complex("-3.5j"), complex(" 4 "), complex("2-0j"))
for bad in ("1 + 2j", "j2", "abc"):
    try:
        print(complex(bad))
    except ValueError:
        print("ValueError")
