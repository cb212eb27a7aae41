//go:build unix

package projectfs

import "syscall"

// openFlags keep an open from blocking on a named pipe with no writer and
// from making a terminal the process's own; fstat then refuses both.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOCTTY
