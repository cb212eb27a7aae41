//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// lock is an advisory lock on the folder that holds the output folder
// and its .gen folder: held while a build writes, and released by the
// kernel if the build dies. It is the folder, not a file in .gen, so that
// deleting .gen during a build cannot let a second build in (builds of
// two output folders side by side take turns, too).
type lock struct{ f *os.File }

// acquire takes the lock for the output folder out, calling waiting once
// first if another process holds it.
func acquire(out string, waiting func()) (*lock, error) {
	dir := filepath.Dir(out)
	f, err := os.OpenFile(dir, os.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return nil, err
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		if waiting != nil {
			waiting()
		}
		err = flockRetry(f)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return &lock{f}, nil
}

func flockRetry(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}

func (l *lock) release() { l.f.Close() }
