// Package overlay stacks file systems so a project's own files override
// the defaults embedded in the binary: the first layer that has a name
// wins, and directory listings merge every layer.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"sort"
)

// FS is a stack of layers, highest priority first. Missing layers (nil)
// are skipped, so a project without a templates/ folder needs no care.
type FS []fs.FS

var _ fs.ReadDirFS = FS(nil)

func (o FS) Open(name string) (fs.File, error) {
	for _, layer := range o {
		if layer == nil {
			continue
		}
		f, err := layer.Open(name)
		if err == nil {
			return o.mergeDir(name, f)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, layer := range o {
		if layer == nil {
			continue
		}
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// mergeDir returns f, or for a folder, one that lists every layer's files.
func (o FS) mergeDir(name string, f fs.File) (fs.File, error) {
	info, err := f.Stat()
	if err != nil || !info.IsDir() {
		return f, err
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &dir{File: f, entries: entries}, nil
}

// dir is an open folder whose listing merges the layers.
type dir struct {
	fs.File
	entries []fs.DirEntry
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}
