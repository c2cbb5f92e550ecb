# feature: language.closures.nonlocal
# nonlocal to a missing or module-level name is a SyntaxError.
srcs = (
    "def f():\n    nonlocal q\n",
    "x = 1\ndef f():\n    nonlocal x\n",
    "def f():\n    v = 1\n    def g():\n        nonlocal v\n        v = 2\n",
    "def f(p):\n    def g():\n        nonlocal p\n        p = 0\n",
)
for s in srcs:
    try:
        exec(s, {})
        print("ok")
    except SyntaxError:
        print("SyntaxError")
