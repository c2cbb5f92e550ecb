# feature: types.str.format
# Width, alignment (< > ^ =), fill characters and string precision.
for spec in ("<6", ">6", "^6", "*^7", "-<5", ".2", "8.3", "^"):
    print(spec, "[" + ("{:" + spec + "}").format("abcde") + "]", "[" + ("{:" + spec + "}").format("xy") + "]")
print("[{:>5}] [{:<5}] [{:=+6}] [{:0=6}]".format(42, 42, 42, -42))
