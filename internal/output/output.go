// Package output writes a built site into its folder the cheap way: a file
// is written only when its bytes changed, through a temporary file renamed
// into place, and only files an earlier build wrote (listed in a manifest)
// are ever removed. Creating and deleting files costs more than rendering
// them, so a rebuild that changes one article touches a handful of files.
package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Manifest names the file listing what the last build wrote.
const Manifest = ".gen-manifest"

// File is one output file; Path is slash-separated and relative.
type File struct {
	Path string
	Data []byte
}

// Stats says what a Write changed.
type Stats struct {
	Written, Unchanged, Removed int
}

// Write makes dir hold files: Begin, Add each file, then Commit.
func Write(dir string, files []File) (Stats, error) {
	s := Begin(dir)
	for _, f := range files {
		s.Add(f)
	}
	return s.Commit()
}

// Staging is one build's output on its way into dir. It is all or
// nothing for the files' bytes: each changed file is written beside its
// place under a temporary name as soon as it is added, so a build need
// not hold its pages in memory, and only Commit, once every file is on
// disk, renames them into place. A full disk or a bad path leaves dir as
// it was. Files in dir that no build wrote are left alone.
//
// A fresh folder swapped in for the old one would be simpler, but it
// creates every file and deletes every old one on each build, the two
// slowest things a build does: on this project's 2-core machines, 10,000
// pages take seconds to create and as long again to delete.
type Staging struct {
	dir     string
	queue   chan File
	writers sync.WaitGroup
	closed  sync.Once

	mu        sync.Mutex
	keep      map[string]bool // every path added
	staged    []staged
	unchanged int
	errs      []error
}

// staged is a changed file written under a temporary name.
type staged struct {
	temp, final string
}

// writers is how many files are written at once: the disk, not the CPU,
// sets the pace, and a file system overlaps a few writes well.
const writers = 4

// Begin starts a build's output into dir; nothing in dir changes until
// Commit.
func Begin(dir string) *Staging {
	s := &Staging{dir: dir, keep: map[string]bool{}, queue: make(chan File, 16*writers)}
	for range writers {
		s.writers.Go(func() {
			for f := range s.queue {
				s.stage(f)
			}
		})
	}
	return s
}

// Add queues one file for the writers and returns: the caller goes on
// rendering while the disk works, and waits only when the disk falls a
// few dozen files behind. It is safe for concurrent use, and must not be
// called after Commit or Abort. A path that would leave dir, or one added
// before, makes Commit fail.
func (s *Staging) Add(f File) {
	s.queue <- f
}

// stage writes one file under its temporary name.
func (s *Staging) stage(f File) {
	err := s.claim(f.Path)
	final := filepath.Join(s.dir, filepath.FromSlash(f.Path))
	temp := ""
	if err == nil {
		temp, err = stageFile(final, f.Data)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err != nil:
		s.errs = append(s.errs, err)
	case temp == "":
		s.unchanged++
	default:
		s.staged = append(s.staged, staged{temp, final})
	}
}

// drain waits until every added file is staged.
func (s *Staging) drain() {
	s.closed.Do(func() { close(s.queue) })
	s.writers.Wait()
}

func (s *Staging) claim(p string) error {
	if !filepath.IsLocal(filepath.FromSlash(p)) || p == Manifest {
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keep[p] {
		return fmt.Errorf("%s is written twice", p)
	}
	s.keep[p] = true
	return nil
}

// Commit puts every staged file in place and removes the files the last
// build wrote that this one did not. After an error in Add it changes
// nothing in dir and returns that error.
func (s *Staging) Commit() (Stats, error) {
	s.drain()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := errors.Join(s.errs...); err != nil {
		s.abort()
		return Stats{}, err
	}
	for i, st := range s.staged {
		if err := os.Rename(st.temp, st.final); err != nil {
			s.staged = s.staged[i:]
			s.abort()
			return Stats{}, err
		}
	}
	stats := Stats{Written: len(s.staged), Unchanged: s.unchanged}
	for _, p := range readManifest(s.dir) {
		if s.keep[p] || !filepath.IsLocal(filepath.FromSlash(p)) {
			continue
		}
		full := filepath.Join(s.dir, filepath.FromSlash(p))
		if err := os.Remove(full); err == nil {
			stats.Removed++
			removeEmptyParents(s.dir, filepath.Dir(full))
		}
	}
	return stats, writeManifest(s.dir, s.keep)
}

// Abort removes the staged files: the build failed, and dir stays as it
// was.
func (s *Staging) Abort() {
	s.drain()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abort()
}

func (s *Staging) abort() {
	for _, st := range s.staged {
		os.Remove(st.temp)
		removeEmptyParents(s.dir, filepath.Dir(st.temp))
	}
	s.staged = nil
}

// stageFile writes data beside path under a temporary name, unless path
// already holds exactly data; it returns the temporary name, or "". The
// name is the file's own with a "." and ".gen-" before it, so it is hidden,
// unique within a build, and a build cut short leaves at most one of each.
func stageFile(path string, data []byte) (string, error) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return "", nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	temp := filepath.Join(dir, ".gen-"+filepath.Base(path))
	if err := os.WriteFile(temp, data, 0o644); err != nil {
		os.Remove(temp)
		return "", err
	}
	return temp, nil
}

// writeIfChanged writes data to path, through a temporary file, unless
// path already holds exactly data.
func writeIfChanged(path string, data []byte) (bool, error) {
	temp, err := stageFile(path, data)
	if err != nil || temp == "" {
		return false, err
	}
	if err := os.Rename(temp, path); err != nil {
		os.Remove(temp)
		return false, err
	}
	return true, nil
}

func removeEmptyParents(root, dir string) {
	root = filepath.Clean(root)
	for dir != root && strings.HasPrefix(dir, root) {
		if os.Remove(dir) != nil { // fails while the folder holds anything
			return
		}
		dir = filepath.Dir(dir)
	}
}

func readManifest(dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, Manifest))
	if err != nil {
		return nil
	}
	var paths []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			paths = append(paths, line)
		}
	}
	return paths
}

func writeManifest(dir string, paths map[string]bool) error {
	list := make([]string, 0, len(paths))
	for p := range paths {
		list = append(list, p)
	}
	sort.Strings(list)
	var b strings.Builder
	b.WriteString("# Files written by gen build; the next build removes those it no longer writes.\n")
	for _, p := range list {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	_, err := writeIfChanged(filepath.Join(dir, Manifest), []byte(b.String()))
	return err
}
