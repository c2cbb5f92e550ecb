# feature: language.fstrings.format_spec
# Width, alignment and fill characters in f-string format specs.
s, n = "ab", 42
print(f"[{s:5}][{s:<5}][{s:>5}][{s:^6}]")
print(f"[{n:5}][{n:<5}][{n:^5}][{n:05}]")
print(f"[{s:*>5}][{s:-^7}][{n:_<4}][{n:0>4}]")
print(f"[{s:1}][{'':3}][{n:1}]")
