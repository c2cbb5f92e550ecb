# feature: stdlib.io.stringio
# requires: io
# Operations on a closed StringIO raise ValueError; 'with' closes it
import io

s = io.StringIO("data")
s.close()
for name, args in (("read", ()), ("write", ("x",)), ("getvalue", ())):
    try:
        getattr(s, name)(*args)
        print(name, "ok")
    except ValueError:
        print(name, "ValueError")
with io.StringIO("ctx") as w:
    print(w.read())
try:
    w.read()
except ValueError:
    print("closed after with")
