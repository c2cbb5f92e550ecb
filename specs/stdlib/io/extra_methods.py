# feature: stdlib.io.bytesio
# requires: io
# Which IOBase conveniences StringIO and BytesIO provide
import io

names = ("readlines", "truncate", "readable", "writable", "getbuffer", "closed")
print([n for n in names if hasattr(io.StringIO(), n)])
print([n for n in names if hasattr(io.BytesIO(), n)])
