//go:build !unix

package projectfs

// openFlags: elsewhere there are no named pipes to block on.
const openFlags = 0
