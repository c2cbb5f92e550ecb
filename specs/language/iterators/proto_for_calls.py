# feature: language.iterators.protocol
# A for loop calls __iter__ once and __next__ until StopIteration.
log = []

class Traced:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        log.append("iter")
        return self

    def __next__(self):
        log.append("next")
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

for x in Traced(2):
    log.append(x)
print(log)
