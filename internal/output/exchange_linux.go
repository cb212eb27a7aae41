package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps two folders in one atomic step, where the file system
// can (ext4, XFS, Btrfs, tmpfs and others); else in two renames.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return swapByRenames(a, b)
	}
	return err
}
