/*
 * TCG plugin for Debian's QEMU 7.2 (plugin API version 1): executed-instruction counts
 * at marker stores, for `harness audit`.
 *
 * Every executed guest instruction adds one to a counter (inline, no helper call). When
 * the guest stores to the marker address (given as "addr=<address>"; a spec run by the
 * audit stores there when it starts and when it ends) the plugin writes
 *
 *     hmark 0x<address> <instructions so far> <QEMU_CLOCK_VIRTUAL ns>
 *
 * with qemu_plugin_outs (into the -D log; needs -d plugin). The difference between two
 * marks is the work done between them, interrupt handlers included. The marker must be
 * an I/O register: under -icount the virtual clock may only be read during I/O ("Bad
 * icount read" otherwise). An I/O instruction in the middle of a translation block is
 * executed again by QEMU after recompiling, so it may count twice: the same way on every
 * run, which is what matters here.
 *
 * QEMU ships no plugin header: the few functions used are declared here.
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

typedef void (*mem_cb_t)(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata);
typedef void (*tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

enum { CB_NO_REGS = 0 };
enum { MEM_W = 2 };
enum { INLINE_ADD_U64 = 0 };
enum { QEMU_CLOCK_VIRTUAL = 1 };

extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
extern void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, int op, void *ptr,
                                                       uint64_t imm);
extern void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn, mem_cb_t cb, int flags,
                                             int rw, void *udata);
extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb_t cb);
extern void qemu_plugin_outs(const char *text);
extern int64_t qemu_clock_get_ns(int type);

EXPORT int qemu_plugin_version = 1;

static uint64_t executed;
static uint64_t marker = 0xFFFFFFFFFFFFFFFFull;

static void on_store(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void)vcpu;
    (void)info;
    (void)udata;
    if (vaddr != marker) {
        return;
    }
    char line[96];
    snprintf(line, sizeof line, "hmark 0x%08llx %llu %lld\n", (unsigned long long)vaddr,
             (unsigned long long)executed, (long long)qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
    qemu_plugin_outs(line);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        qemu_plugin_register_vcpu_insn_exec_inline(insn, INLINE_ADD_U64, &executed, 1);
        qemu_plugin_register_vcpu_mem_cb(insn, on_store, CB_NO_REGS, MEM_W, NULL);
    }
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "addr=", 5) == 0) {
            marker = strtoull(argv[i] + 5, NULL, 0);
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    return 0;
}
