// Package projectfs is the one rule for what gen reads of a project
// folder, and the only way it reads one.
//
// An FS reads the folder given to Open (which may itself be reached
// through a link) and nothing else:
//
//   - Names are fs.FS names: slash-separated, relative to the project
//     folder, with no "." or ".." steps.
//   - Symbolic links are followed only while they stay inside the folder
//     and are relative (os.Root); one that leads out of it, or is
//     absolute, is a Refusal with Reason Outside, whatever it points at.
//     A link to nothing is Dangling; links in a loop, or a chain of more
//     than os.Root follows (8), are a Loop.
//   - Only regular files and folders are opened for reading. Every file is
//     opened without blocking (O_NONBLOCK) and checked with fstat before a
//     byte is read, so a named pipe, a device or a socket is a NotRegular
//     refusal and never stalls or floods a build.
//   - A file is read up to a size limit (MaxFile, or MaxStatic under
//     static/), checked before reading and enforced while reading, so a
//     file that grows cannot exceed it either: TooLarge.
//
// Stat applies the same rule as Open, so a listing can be checked without
// reading it. Walk lists a tree as a build copies it: it follows links to
// folders inside the project, but not into a folder that holds the link
// (Cycle).
//
// Refusals name the file and say why in a writer's terms; none of them
// carries a byte of what lies outside the project, nor a link's target.
//
// What no path check can see is not covered: a hard link or a bind mount
// makes another file part of the folder, as far as any program can tell.
package projectfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"
)

// The limits bound the memory one file can take. Every content file is
// held parsed, converted and indexed at once, so a file far beyond any
// real article (the tests build one of 10 MB) is a mistake, such as a
// video saved with a .md name, and fails at once instead of swapping.
// Static files are copied as they are, and GitHub Pages, which gen's
// sites are published to, rejects files over 100 MiB: a larger one could
// not be published anyway.
const (
	MaxFile   = 64 << 20  // content, templates and site.toml
	MaxStatic = 100 << 20 // a file under static/
)

// Limit is the most gen reads of the project file name.
func Limit(name string) int64 {
	if strings.HasPrefix(name, "static/") {
		return MaxStatic
	}
	return MaxFile
}

// FS is a project folder, read by the package's rule. It is safe for
// concurrent use.
type FS struct {
	root *os.Root
	// escapes is the error os.Root gives for a name that leaves it, which
	// os does not export; Open learns it by asking for "..".
	escapes error
}

var (
	_ fs.ReadFileFS = (*FS)(nil)
	_ fs.ReadDirFS  = (*FS)(nil)
	_ fs.StatFS     = (*FS)(nil)
)

// Open opens the project folder dir. Its errors read "DIR: not a folder"
// and "DIR: no such folder".
func Open(dir string) (*FS, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such folder", dir)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", dir, unwrap(err))
	case !info.IsDir():
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, unwrap(err))
	}
	var escape *fs.PathError
	if _, err := root.Open(".."); !errors.As(err, &escape) {
		root.Close()
		return nil, fmt.Errorf("%s: cannot confine reading to the folder: %v", dir, err)
	}
	return &FS{root: root, escapes: escape.Err}, nil
}

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens a regular file or a folder. A folder is an fs.ReadDirFile.
func (f *FS) Open(name string) (fs.File, error) {
	file, info, err := f.open("open", name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return file, nil
	}
	return &limited{file: file, name: name, limit: Limit(name)}, nil
}

// ReadFile reads a whole regular file.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, info, err := f.open("read", name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if info.IsDir() {
		return nil, &Refusal{Path: name, Reason: NotRegular, Mode: fs.ModeDir}
	}
	r := &limited{file: file, name: name, limit: Limit(name)}
	data := make([]byte, 0, info.Size()+1) // +1: EOF is seen without growing
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadDir lists a folder, sorted by name. Entries describe links as
// links; Stat or Open one to learn what the rule makes of it.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, info, err := f.open("readdir", name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	entries, err := file.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// Stat describes name, following links, and refuses what Open would.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, f.refuse("stat", name, err)
	}
	if err := check(name, info); err != nil {
		return nil, err
	}
	return info, nil
}

// open opens name without blocking and keeps it only if the rule allows.
func (f *FS) open(op, name string) (*os.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, nil, f.refuse(op, name, err)
	}
	info, err := file.Stat()
	if err == nil {
		err = check(name, info)
	} else {
		err = &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
	}
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	return file, info, nil
}

// check applies the rule to what fstat or stat says of name.
func check(name string, info fs.FileInfo) error {
	switch mode := info.Mode(); {
	case mode.IsDir():
		return nil
	case !mode.IsRegular():
		return &Refusal{Path: name, Reason: NotRegular, Mode: mode.Type()}
	case info.Size() > Limit(name):
		return &Refusal{Path: name, Reason: TooLarge, Size: info.Size(), Limit: Limit(name)}
	}
	return nil
}

// refuse turns an error of os.Root into a Refusal when the rule is why,
// and otherwise into a *fs.PathError naming name as given.
func (f *FS) refuse(op, name string, err error) error {
	switch {
	case errors.Is(err, f.escapes):
		return &Refusal{Path: name, Reason: Outside}
	case errors.Is(err, syscall.ELOOP):
		return &Refusal{Path: name, Reason: Loop}
	case errors.Is(err, fs.ErrNotExist):
		if info, lerr := f.root.Lstat(name); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return &Refusal{Path: name, Reason: Dangling}
		}
	default: // such as ENXIO, opening a socket: say what it is
		if info, serr := f.root.Stat(name); serr == nil {
			if refusal := check(name, info); refusal != nil {
				return refusal
			}
		}
	}
	return &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
}

// unwrap drops os's *PathError, whose path is the absolute one.
func unwrap(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

// limited is an open regular file that stops at its limit, in case it
// grows after fstat.
type limited struct {
	file        *os.File
	name        string
	limit, read int64
}

func (l *limited) Stat() (fs.FileInfo, error) { return l.file.Stat() }
func (l *limited) Close() error               { return l.file.Close() }

func (l *limited) Read(p []byte) (int, error) {
	if left := l.limit - l.read + 1; int64(len(p)) > left {
		p = p[:left] // one byte past the limit tells a file that grew
	}
	n, err := l.file.Read(p)
	l.read += int64(n)
	if l.read > l.limit {
		return n - 1, &Refusal{Path: l.name, Reason: TooLarge, Limit: l.limit}
	}
	if err != nil && err != io.EOF {
		err = &fs.PathError{Op: "read", Path: l.name, Err: unwrap(err)}
	}
	return n, err
}

// Walk calls fn for every file under dir in fsys, in lexical order, with
// its name and info as fs.Stat gives them, or with the error that keeps
// it from being read, and goes on to the next. Unlike fs.WalkDir it
// descends into links to folders, as a copy of the tree would, except
// into a folder that holds the link, which is a Cycle, and into a folder
// that a link led to before, which is a Repeat: links in a few folders,
// each to the folder before, would otherwise copy one file millions of
// times. If dir itself
// cannot be listed, fn is called once with dir and the error. An error
// fn returns stops the walk and is returned.
func Walk(fsys fs.FS, dir string, fn func(name string, info fs.FileInfo, err error) error) error {
	info, err := fs.Stat(fsys, dir)
	if err == nil && !info.IsDir() {
		err = &fs.PathError{Op: "readdir", Path: dir, Err: errors.New("not a folder")}
	}
	if err != nil {
		return fn(dir, nil, err)
	}
	var linked []fs.FileInfo
	return walk(fsys, dir, []fs.FileInfo{info}, &linked, fn)
}

// walk lists dir, whose folders from the top are parents; linked are the
// folders links have led to so far.
func walk(fsys fs.FS, dir string, parents []fs.FileInfo, linked *[]fs.FileInfo, fn func(string, fs.FileInfo, error) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fn(dir, nil, err)
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		info, err := fs.Stat(fsys, name)
		if err == nil && info.IsDir() {
			same := func(p fs.FileInfo) bool { return os.SameFile(p, info) }
			switch {
			case slices.ContainsFunc(parents, same):
				err = &Refusal{Path: name, Reason: Cycle}
			case e.Type()&fs.ModeSymlink != 0 && slices.ContainsFunc(*linked, same):
				err = &Refusal{Path: name, Reason: Repeat}
			default:
				if e.Type()&fs.ModeSymlink != 0 {
					*linked = append(*linked, info)
				}
				if err := walk(fsys, name, append(parents, info), linked, fn); err != nil {
					return err
				}
				continue
			}
			info = nil
		}
		if err := fn(name, info, err); err != nil {
			return err
		}
	}
	return nil
}
