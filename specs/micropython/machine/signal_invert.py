# feature: micropython.machine.unix
# requires: machine
# Signal(pin, invert=True) turns on() into a low level on the underlying pin
import machine


class FakePin(machine.PinBase):
    def __init__(self):
        self.level = None

    def value(self, v=None):
        if v is None:
            return self.level
        self.level = 1 if v else 0


pin = FakePin()
sig = machine.Signal(pin, invert=True)
sig.on()
print(pin.level, sig.value())
sig.off()
print(pin.level, sig.value())
sig.value(1)
print(pin.level)
