# feature: language.control.loop_else
# while/else: else runs when the condition becomes false, not after break.
def search(limit, target):
    i = 0
    while i < limit:
        if i == target:
            print("found", i)
            break
        i += 1
    else:
        print("exhausted at", i)
search(5, 3)
search(5, 9)
search(0, 0)
n = 0
while False:
    n += 1
else:
    print("else of never-run loop", n)
