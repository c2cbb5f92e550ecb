# feature: language.control.if_elif
# Only the first true branch of an if/elif/else chain runs.
def classify(n):
    hits = []
    if n < 0:
        hits.append("neg")
    elif n == 0:
        hits.append("zero")
    elif n < 10:
        hits.append("small")
    elif n < 5:
        hits.append("never")
    else:
        hits.append("big")
    return hits
for n in (-3, 0, 4, 10, 99):
    print(n, classify(n))
