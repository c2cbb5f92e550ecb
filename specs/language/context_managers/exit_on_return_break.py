# feature: language.context_managers.protocol
# __exit__ runs when the body leaves via return, break or continue.
log = []

class Guard:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        log.append("exit " + self.tag)

def early():
    with Guard("ret"):
        return "returned"

print(early())
for i in range(3):
    with Guard("loop%d" % i):
        if i == 0:
            continue
        break
print(log)
