# feature: builtins.iteration.enumerate_zip
# zip() pulls lazily, left to right; when an earlier input is exhausted the
# later inputs are not advanced for that round.
def counted(name, n):
    for i in range(n):
        print("pull", name, i)
        yield i
z = zip(counted("a", 2), counted("b", 5))
print("made")
for pair in z:
    print(pair)
it = iter([10, 20, 30])
print(list(zip(it, it)))
