package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
)

// tree is what a folder held when it was walked: each entry's type, by
// slash-separated path. The walk never follows a symbolic link.
type tree struct {
	entries map[string]fs.FileMode
}

func walk(root string) (*tree, error) {
	t := &tree{entries: map[string]fs.FileMode{}}
	var visit func(rel string) error
	visit = func(rel string) error {
		list, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		for _, e := range list {
			p := path.Join(rel, e.Name())
			t.entries[p] = e.Type()
			if e.IsDir() {
				if err := visit(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return t, visit("")
}

// sorted lists the paths, each folder before what it holds.
func (t *tree) sorted() []string {
	if t == nil {
		return nil
	}
	return slices.Sorted(func(yield func(string) bool) {
		for p := range t.entries {
			if !yield(p) {
				return
			}
		}
	})
}

// files lists the paths of everything but folders.
func (t *tree) files() []string {
	var out []string
	for _, p := range t.sorted() {
		if !t.entries[p].IsDir() {
			out = append(out, p)
		}
	}
	return out
}

// dirMaker makes folders in the spare tree, replacing whatever else is in
// the way: the tree is gen's own, and a folder there must be a real one,
// never a symbolic link that would lead a write elsewhere.
type dirMaker struct {
	root string
	mu   sync.Mutex
	made map[string]bool
}

func (d *dirMaker) make(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.make1(dir)
}

func (d *dirMaker) make1(dir string) error {
	if dir == "." || d.made[dir] {
		return nil
	}
	if err := d.make1(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(d.root, filepath.FromSlash(dir))
	info, err := os.Lstat(full)
	switch {
	case err == nil && info.IsDir():
	case err == nil:
		if err := os.Remove(full); err != nil {
			return err
		}
		fallthrough
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(full, 0o755); err != nil {
			return err
		}
	default:
		return err
	}
	d.made[dir] = true
	return nil
}
