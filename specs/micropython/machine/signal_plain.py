# feature: micropython.machine.unix
# requires: machine
# A non-inverted Signal passes levels straight through to the pin
import machine


class FakePin(machine.PinBase):
    def __init__(self):
        self.level = 0

    def value(self, v=None):
        if v is None:
            return self.level
        self.level = 1 if v else 0


pin = FakePin()
sig = machine.Signal(pin)
sig.on()
print(pin.level, sig.value())
pin.level = 0
print(sig.value())
sig.value(True)
print(pin.level)
