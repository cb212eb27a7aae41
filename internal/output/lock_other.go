//go:build !unix

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lock is a file in the .gen folder that exists while a build writes
// the output folder. Without
// flock, a build that dies leaves it behind, and the message says so.
type lock struct{ name string }

func acquire(out string, waiting func()) (*lock, error) {
	name := filepath.Join(workFolder(out), "lock")
	for tries := 0; ; tries++ {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return &lock{name}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if tries == 0 && waiting != nil {
			waiting()
		}
		if tries == 600 {
			return nil, fmt.Errorf("another build has held %s for a minute; if none is running, delete that file", name)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (l *lock) release() { os.Remove(l.name) }
