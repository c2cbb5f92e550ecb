# feature: stdlib.select.poll
# requires: select
# POLL* bits have their POSIX values; an empty poll object returns [] at once
import select

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
p = select.poll()
print(hasattr(p, "register"), hasattr(p, "unregister"), hasattr(p, "modify"))
print(p.poll(0), p.poll(1))
