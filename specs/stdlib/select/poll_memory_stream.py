# feature: stdlib.select.poll
# requires: select, io
# An in-memory stream cannot be polled: OSError at register or at poll
import io
import select

p = select.poll()
try:
    p.register(io.BytesIO(b"data"), select.POLLIN)
    p.poll(0)
    print("polled")
except OSError:
    print("OSError")
