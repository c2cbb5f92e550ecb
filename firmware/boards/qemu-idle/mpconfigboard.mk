# ports/qemu's own board (MPS2_AN385 or MICROBIT, from BOARD), whose wait for a byte of input
# sleeps the CPU (WFI) instead of polling the UART. `harness firmware build` passes this
# folder as BOARD_DIR; the source tree stays as it is.
#
# Why: ports/qemu's mp_hal_stdin_rx_chr is a bare loop, so an idle emulator kept a host core
# busy (91% measured), and every byte in took QEMU's device lock from a vCPU that held it for
# each UART poll (46 us per byte on MPS2, 15 us with the CPU asleep). Real ports idle the
# same way (MICROPY_EVENT_POLL_HOOK ends in __WFI() on stm32). The interpreter is unchanged.
include boards/$(BOARD)/mpconfigboard.mk

SRC_C += $(BOARD_DIR)/stdin_idle.c
# Calls from other files to mp_hal_stdin_rx_chr go to __wrap_mp_hal_stdin_rx_chr (below).
LDFLAGS += --wrap=mp_hal_stdin_rx_chr
