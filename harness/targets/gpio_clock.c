/*
 * TCG plugin for Debian's QEMU 7.2 (plugin API version 1): emulated time at every change
 * of a board's GPIO outputs.
 *
 * On each guest store into the output block (arguments lo= and hi=; default the nRF51 GPIO,
 * 0x50000504-0x5000077F) it reads the output and direction registers (out=, dir=; dir=0: no
 * direction register, every line drives) through the CPU's own address space, and when a
 * watched line changed it writes
 *
 *     gpio out 0x<OUT> dir 0x<DIR> ns <QEMU_CLOCK_VIRTUAL>
 *
 * with qemu_plugin_outs (into the -D log; needs -d plugin). Only lines in the mask given as
 * "lines=<mask>" are watched, so the LED matrix refresh, which runs at full speed while the
 * guest idles under -icount sleep=off, does not flood the log.
 *
 * QEMU ships no plugin header: the few functions used are declared here. The virtual clock
 * may only be read during an I/O access under -icount ("Bad icount read" otherwise), which
 * is why the address is checked before anything else.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
typedef uint32_t qemu_plugin_meminfo_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
struct qemu_info_t;
struct CPUState;

typedef void (*mem_cb_t)(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata);
typedef void (*tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

enum { CB_NO_REGS = 0 };
enum { MEM_W = 2 };
enum { QEMU_CLOCK_VIRTUAL = 1 };

extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
extern void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn, mem_cb_t cb, int flags,
                                             int rw, void *udata);
extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb_t cb);
extern void qemu_plugin_outs(const char *text);
extern int64_t qemu_clock_get_ns(int type);
extern struct CPUState *qemu_get_cpu(int index);
extern int cpu_memory_rw_debug(struct CPUState *cpu, uint64_t addr, void *buf, size_t len, bool is_write);

EXPORT int qemu_plugin_version = 1;

static uint64_t first = 0x50000504u, last = 0x5000077Fu; /* stores that may change outputs */
static uint64_t out_reg = 0x50000504u, dir_reg = 0x50000514u;
static uint32_t watched = 0xFFFF000Fu; /* every line but the micro:bit's LED matrix (4-15) */
static uint32_t last_out, last_dir;
static bool reported;

static void on_store(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void)info;
    (void)udata;
    if (vaddr < first || vaddr > last) {
        return;
    }
    struct CPUState *cpu = qemu_get_cpu((int)vcpu);
    uint32_t out = 0, dir = 0xFFFFFFFFu;
    if (cpu == NULL || cpu_memory_rw_debug(cpu, out_reg, &out, 4, false) != 0 ||
        (dir_reg != 0 && cpu_memory_rw_debug(cpu, dir_reg, &dir, 4, false) != 0)) {
        return;
    }
    out &= watched;
    dir &= watched;
    if (reported && out == last_out && dir == last_dir) {
        return;
    }
    reported = true;
    last_out = out;
    last_dir = dir;
    char line[96];
    snprintf(line, sizeof line, "gpio out 0x%08x dir 0x%08x ns %lld\n", (unsigned)out, (unsigned)dir,
             (long long)qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
    qemu_plugin_outs(line);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t count = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < count; i++) {
        qemu_plugin_register_vcpu_mem_cb(qemu_plugin_tb_get_insn(tb, i), on_store, CB_NO_REGS, MEM_W, NULL);
    }
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (strncmp(arg, "lines=", 6) == 0) {
            watched = (uint32_t)strtoull(arg + 6, NULL, 0);
        } else if (strncmp(arg, "lo=", 3) == 0) {
            first = strtoull(arg + 3, NULL, 0);
        } else if (strncmp(arg, "hi=", 3) == 0) {
            last = strtoull(arg + 3, NULL, 0);
        } else if (strncmp(arg, "out=", 4) == 0) {
            out_reg = strtoull(arg + 4, NULL, 0);
        } else if (strncmp(arg, "dir=", 4) == 0) {
            dir_reg = strtoull(arg + 4, NULL, 0);
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    return 0;
}
