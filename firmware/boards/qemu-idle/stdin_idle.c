// Wait for a byte of input with the CPU asleep (see mpconfigboard.mk), then read it with
// ports/qemu's own mp_hal_stdin_rx_chr.
//
// The UART's receive interrupt is enabled in the NVIC only around WFI, with interrupts masked
// (PRIMASK): a received byte then ends the WFI without any handler running (the port has none
// for the UART). SysTick ends it too, every millisecond; unmasking after each wake lets its
// handler run, so ticks_ms() keeps counting while the board waits.

#include <stdint.h>

#include "uart.h"

int __real_mp_hal_stdin_rx_chr(void);

#define NVIC_ISER0 (*(volatile uint32_t *)0xe000e100)
#define NVIC_ICER0 (*(volatile uint32_t *)0xe000e180)
#define NVIC_ICPR0 (*(volatile uint32_t *)0xe000e280)

#if defined(QEMU_SOC_MPS2)
// CMSDK APB UART0 of the MPS2-AN385: receive interrupt is IRQ 0.
#define UART_RX_IRQ (0)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008)
#define UART0_INTCLEAR (*(volatile uint32_t *)0x4000400c)
#define UART_CTRL_RX_INT_EN (1 << 3)
#define UART_INT_RX (1 << 1)
static void rx_interrupt_enable(void) {
    UART0_CTRL |= UART_CTRL_RX_INT_EN;
}
static void rx_interrupt_clear(void) {
    UART0_INTCLEAR = UART_INT_RX;  // latched until cleared; reading the byte does not
}
#elif defined(QEMU_SOC_NRF51)
// nRF51 UART0: IRQ 2; its RXDRDY event stays set until uart_rx_chr() clears it.
#define UART_RX_IRQ (2)
#define UART0_INTENSET (*(volatile uint32_t *)0x40002304)
#define UART_INTEN_RXDRDY (1 << 2)
static void rx_interrupt_enable(void) {
    UART0_INTENSET = UART_INTEN_RXDRDY;
}
static void rx_interrupt_clear(void) {
}
#else
#error "stdin_idle.c knows the MPS2 and nRF51 UARTs only"
#endif

int __wrap_mp_hal_stdin_rx_chr(void) {
    if (!uart_rx_any()) {
        rx_interrupt_enable();
        __asm volatile ("cpsid i" ::: "memory");
        while (!uart_rx_any()) {
            rx_interrupt_clear();
            NVIC_ICPR0 = 1 << UART_RX_IRQ;
            NVIC_ISER0 = 1 << UART_RX_IRQ;
            if (!uart_rx_any()) {  // a byte that came since the loop's test ends the WFI at once
                __asm volatile ("wfi" ::: "memory");
            }
            NVIC_ICER0 = 1 << UART_RX_IRQ;
            NVIC_ICPR0 = 1 << UART_RX_IRQ;
            __asm volatile ("cpsie i\n isb\n cpsid i" ::: "memory");  // SysTick's handler runs here
        }
        __asm volatile ("cpsie i" ::: "memory");
    }
    return __real_mp_hal_stdin_rx_chr();
}
