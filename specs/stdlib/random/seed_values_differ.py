# feature: stdlib.random.seed
# requires: random
# Different seeds give different sequences
import random

seqs = []
for s in (1, 2, 3):
    random.seed(s)
    seqs.append([random.getrandbits(16) for _ in range(4)])
print(seqs[0] != seqs[1], seqs[1] != seqs[2], seqs[0] != seqs[2])
random.seed(1)
print(seqs[0] == [random.getrandbits(16) for _ in range(4)])
