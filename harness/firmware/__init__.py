"""Firmware management: which image a target runs, where it comes from, and how it gets there.

- ``manifest``: ``firmware/manifest.yaml`` (images by name) merged with the images built
  on this machine (``.harness-cache/firmware/built.yaml``), and hash verification.
- ``source`` / ``build``: MicroPython source trees (a user's checkout or the vendored
  tarball) and the firmware and ``mpy-cross`` builds from them, redone only on change.
- ``check``: a rig target's expected firmware against what the running target reports.
- ``dfu``: flashing a real Pyboard through its DFU bootloader.
- ``mpflash``: the same with the optional mpflash tool, for micropython.org releases.
- ``mpy``: specs precompiled to ``.mpy`` with ``mpy-cross`` for a target's bytecode version.
"""
