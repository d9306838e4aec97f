"""The kernel's network sandbox: a seccomp filter that makes new sockets impossible.

A process that installs :func:`forbid_sockets` can no longer create a socket of any address
family outside ``allow``: ``socket()`` fails with EACCES, and ``io_uring_setup()`` (whose
rings can open sockets without the ``socket()`` call) fails with EPERM. Sockets that exist
already (a listening socket, an accepted connection, an inherited socket pair) keep
working: accepting a connection creates no socket through ``socket()``. The filter is
inherited by every child and can never be removed, by the process or by code it runs.

This is what makes SERVICE impossible for the processes that run queries on the embedded
store: pyoxigraph dials the IRI named in a SERVICE clause with its own native HTTP client,
which Python cannot see or stop, but which needs ``socket()`` (a DNS lookup needs it too,
so names cannot leak through the resolver either). See docs/security.md.

The filter is a dozen classic-BPF instructions, written here rather than through libseccomp so
that nothing is needed beyond the kernel (Linux 3.17+; x86-64 and AArch64). It checks the
architecture first (another ABI's system calls, such as 32-bit ones on x86-64, are refused
outright) and the x32 bit, then compares only two system call numbers; every other call is
allowed at the cost of a few instructions (measured in docs/security.md).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import platform
import socket
import struct
from collections.abc import Iterable

# <linux/filter.h>: classic BPF opcodes.
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K

# <linux/seccomp.h>
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_SET_MODE_FILTER = 1
_FLAG_TSYNC = 1
_PR_SET_NO_NEW_PRIVS = 38
# struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6].
_OFFSET_NR, _OFFSET_ARCH, _OFFSET_ARG0 = 0, 4, 16
_X32_BIT = 0x40000000


class _Arch:
    def __init__(self, audit: int, socket_nr: int, seccomp_nr: int, io_uring_setup_nr: int) -> None:
        self.audit = audit
        self.socket = socket_nr
        self.seccomp = seccomp_nr
        self.io_uring_setup = io_uring_setup_nr


# AUDIT_ARCH_* from <linux/audit.h>; numbers from each architecture's syscall table.
_ARCHES = {
    "x86_64": _Arch(0xC000003E, 41, 317, 425),
    "aarch64": _Arch(0xC00000B7, 198, 277, 425),
}


class SandboxUnavailable(OSError):
    """The kernel or the platform cannot install the filter."""


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def filter_program(arch: _Arch, allow: Iterable[int] = ()) -> bytes:
    """The BPF program: refuse socket() for families outside ``allow``, and io_uring_setup()."""
    allowed = sorted(set(allow))
    deny_socket = _RET_ERRNO | errno.EACCES
    deny_ring = _RET_ERRNO | errno.EPERM
    # Laid out so that every jump is forward; "skip n" is relative to the next instruction.
    body = [
        (_LD_W_ABS, 0, 0, _OFFSET_ARCH),
        (_JEQ_K, 1, 0, arch.audit),              # our ABI: go on; another one: refuse
        (_RET_K, 0, 0, deny_socket),
        (_LD_W_ABS, 0, 0, _OFFSET_NR),
        (_JGE_K, 0, 1, _X32_BIT),                # x32 system calls: refuse
        (_RET_K, 0, 0, deny_socket),
        (_JEQ_K, 0, 1, arch.io_uring_setup),
        (_RET_K, 0, 0, deny_ring),
        (_JEQ_K, 1, 0, arch.socket),             # socket(): check its family
        (_RET_K, 0, 0, _RET_ALLOW),
        (_LD_W_ABS, 0, 0, _OFFSET_ARG0),          # the low 32 bits of the family argument
    ]
    for i, family in enumerate(allowed):
        # Jump to the final ALLOW (after the remaining checks and the DENY) when it matches.
        remaining = len(allowed) - i - 1
        body.append((_JEQ_K, remaining + 1, 0, family))
    body += [(_RET_K, 0, 0, deny_socket), (_RET_K, 0, 0, _RET_ALLOW)]
    return b"".join(_instruction(*ins) for ins in body)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_sockets(allow: Iterable[int] = ()) -> None:
    """Install the filter in this process and all its threads (for good).

    ``allow``: address families still allowed (e.g. ``[socket.AF_UNIX]``); none by default.
    Raises SandboxUnavailable when the platform or the kernel cannot do it.
    """
    arch = _ARCHES.get(platform.machine())
    if arch is None or os.uname().sysname != "Linux":
        raise SandboxUnavailable(f"the network sandbox needs Linux on {' or '.join(_ARCHES)}, "
                                 f"not {os.uname().sysname} on {platform.machine()}")
    program = filter_program(arch, allow)
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    buffer = ctypes.create_string_buffer(program, len(program))
    prog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        code = ctypes.get_errno()
        raise SandboxUnavailable(f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(code)}")
    if libc.syscall(arch.seccomp, _SET_MODE_FILTER, _FLAG_TSYNC, ctypes.byref(prog)) != 0:
        code = ctypes.get_errno()
        raise SandboxUnavailable(f"seccomp(SECCOMP_SET_MODE_FILTER) failed: {os.strerror(code)}")


# --- a store's own server: it must listen, so it may make TCP sockets, but never connect -------

_ALU_AND_K = 0x54  # BPF_ALU | BPF_AND | BPF_K
_OFFSET_ARG1 = 24
_SOCK_TYPE_MASK = 0xF
_LANDLOCK_CREATE_RULESET, _LANDLOCK_RESTRICT_SELF = 444, 446
_LANDLOCK_VERSION = 1
_ACCESS_NET_CONNECT_TCP = 1 << 1


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64)]


def listener_program(arch: _Arch, unix: bool = False) -> bytes:
    """BPF: socket() only for TCP over IPv4 or IPv6 (no UDP, so no DNS; no Unix sockets, so
    no local resolver, unless ``unix``); io_uring_setup() refused."""
    deny_socket = _RET_ERRNO | errno.EACCES
    body = [
        (_LD_W_ABS, 0, 0, _OFFSET_ARCH),
        (_JEQ_K, 1, 0, arch.audit),
        (_RET_K, 0, 0, deny_socket),
        (_LD_W_ABS, 0, 0, _OFFSET_NR),
        (_JGE_K, 0, 1, _X32_BIT),
        (_RET_K, 0, 0, deny_socket),
        (_JEQ_K, 0, 1, arch.io_uring_setup),
        (_RET_K, 0, 0, _RET_ERRNO | errno.EPERM),
        (_JEQ_K, 1, 0, arch.socket),
        (_RET_K, 0, 0, _RET_ALLOW),
        (_LD_W_ABS, 0, 0, _OFFSET_ARG0),
        *([(_JEQ_K, 6, 0, socket.AF_UNIX)] if unix else []),  # to the final ALLOW
        (_JEQ_K, 1, 0, socket.AF_INET),
        (_JEQ_K, 0, 3, socket.AF_INET6),
        (_LD_W_ABS, 0, 0, _OFFSET_ARG1),
        (_ALU_AND_K, 0, 0, _SOCK_TYPE_MASK),
        (_JEQ_K, 1, 0, socket.SOCK_STREAM),
        (_RET_K, 0, 0, deny_socket),
        (_RET_K, 0, 0, _RET_ALLOW),
    ]
    return b"".join(_instruction(*ins) for ins in body)


_LANDLOCK_ADD_RULE = 445
_LANDLOCK_RULE_NET_PORT = 2
_ACCESS_NET_BIND_TCP = 1 << 0


class _NetPortAttr(ctypes.Structure):
    _fields_ = [("allowed_access", ctypes.c_uint64), ("port", ctypes.c_uint64)]


def _tcp_only(handled: int, connect_ports: Iterable[int] = (), unix: bool = False, why: str = "") -> None:
    """Landlock over the ``handled`` TCP rights (connect allowed to ``connect_ports`` only),
    then the seccomp filter of :func:`listener_program`. Raises SandboxUnavailable."""
    arch = _ARCHES.get(platform.machine())
    if arch is None or os.uname().sysname != "Linux":
        raise SandboxUnavailable("the connection sandbox needs Linux on x86-64 or AArch64")
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    abi = libc.syscall(_LANDLOCK_CREATE_RULESET, None, 0, _LANDLOCK_VERSION)
    if abi < 4:
        raise SandboxUnavailable(f"{why or 'Landlock network rules'} need ABI 4 (Linux 6.7), "
                                 f"this kernel has {max(abi, 0)}")
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxUnavailable(f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}")
    attr = _RulesetAttr(0, handled)
    ruleset = libc.syscall(_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.sizeof(attr), 0)
    if ruleset < 0:
        raise SandboxUnavailable(f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}")
    try:
        for port in connect_ports:
            rule = _NetPortAttr(_ACCESS_NET_CONNECT_TCP, port)
            if libc.syscall(_LANDLOCK_ADD_RULE, ruleset, _LANDLOCK_RULE_NET_PORT, ctypes.byref(rule), 0) != 0:
                raise SandboxUnavailable(f"landlock_add_rule failed: {os.strerror(ctypes.get_errno())}")
        if libc.syscall(_LANDLOCK_RESTRICT_SELF, ruleset, 0) != 0:
            raise SandboxUnavailable(f"landlock_restrict_self failed: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(ruleset)
    program = listener_program(arch, unix=unix)
    buffer = ctypes.create_string_buffer(program, len(program))
    prog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.syscall(arch.seccomp, _SET_MODE_FILTER, _FLAG_TSYNC, ctypes.byref(prog)) != 0:
        raise SandboxUnavailable(f"seccomp(SECCOMP_SET_MODE_FILTER) failed: {os.strerror(ctypes.get_errno())}")


def forbid_connections() -> None:
    """For a store's own server (``oxigraph serve``): it may listen and accept, never connect.

    Landlock (ABI 4+, Linux 6.7+) refuses every TCP connect(); a seccomp filter refuses every
    socket but a TCP one (so no UDP: no DNS lookup can carry a name out). Inherited across
    exec. Raises SandboxUnavailable where the kernel cannot.
    """
    _tcp_only(_ACCESS_NET_CONNECT_TCP)


def forbid_sockets_but_store(port: int, unix: bool = False) -> None:
    """For query workers on a remote store: TCP connections to ``port`` only, nothing else.

    Landlock (ABI 4+, Linux 6.7+) refuses connect() to every TCP port but the store's and
    bind() to any; the seccomp filter of :func:`listener_program` refuses every socket but
    a TCP one (no UDP, so no DNS lookup; no Unix socket) and io_uring. Landlock rules name
    ports, not addresses: the worker could reach the same port on another host, never
    another port. ``unix`` also allows Unix sockets (the front, which talks to its workers
    over them). Raises SandboxUnavailable where the kernel cannot.
    """
    _tcp_only(_ACCESS_NET_CONNECT_TCP | _ACCESS_NET_BIND_TCP, [port], unix=unix,
              why="a remote store under the sandbox (set sandbox = false to run without): Landlock network rules")


def main(argv: list[str] | None = None) -> int:
    """``python -m server.sandbox COMMAND...``: run a store's server that can never dial out."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        print("usage: python -m server.sandbox [--] COMMAND [ARG...]   (e.g. oxigraph serve ...)", file=sys.stderr)
        return 2
    try:
        forbid_connections()
    except SandboxUnavailable as exc:
        print(f"server.sandbox: error: {exc}", file=sys.stderr)
        return 1
    try:
        os.execvp(args[0], args)
    except OSError as exc:
        print(f"server.sandbox: error: cannot run {args[0]}: {exc.strerror or exc}", file=sys.stderr)
        return 127


def sockets_forbidden(family: int = socket.AF_INET) -> bool:
    """Whether this process is refused a new socket of ``family`` (for checks and tests)."""
    try:
        socket.socket(family, socket.SOCK_STREAM).close()
    except PermissionError:
        return True
    return False


if __name__ == "__main__":
    raise SystemExit(main())
