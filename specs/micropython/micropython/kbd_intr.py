# feature: micropython.micropython.runtime
# requires: micropython
# kbd_intr(-1) disables the Ctrl-C character and kbd_intr(3) restores it; both return None
import micropython

print(micropython.kbd_intr(-1))
total = 0
for i in range(10):
    total += i
print(total)
print(micropython.kbd_intr(3))
