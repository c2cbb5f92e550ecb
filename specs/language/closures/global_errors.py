# feature: language.closures.global
# A name may not be both a parameter and global, nor used before its global declaration.
for s in ("def f(a):\n    global a\n",
          "def f():\n    x = 1\n    global x\n",
          "def f():\n    global y\n    y = 1\n"):
    try:
        exec(s, {})
        print("ok")
    except SyntaxError:
        print("SyntaxError")
ns = {}
exec("def f():\n    global z\n    z = 5\nf()\n", ns)
print(ns["z"])
