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
	"runtime"
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

// Write makes dir hold files. It is all or nothing for the files' bytes:
// every changed file is first written beside its place under a temporary
// name, and only when all of them are on disk are they renamed into
// place, so a full disk or a bad path leaves dir as it was. Files in dir
// that no build wrote are left alone. It refuses paths that would leave
// dir.
//
// A fresh folder swapped in for the old one would be simpler, but it
// creates every file and deletes every old one on each build, the two
// slowest things a build does: on this project's 2-core machines, 10,000
// pages take seconds to create and as long again to delete.
func Write(dir string, files []File) (Stats, error) {
	var stats Stats
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) || f.Path == Manifest {
			return stats, fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		keep[f.Path] = true
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return stats, err
	}
	old := readManifest(dir)

	staged, unchanged, err := stage(dir, files)
	if err != nil {
		for _, s := range staged {
			os.Remove(s.temp)
			removeEmptyParents(dir, filepath.Dir(s.temp))
		}
		return stats, err
	}
	for _, s := range staged {
		if err := os.Rename(s.temp, s.final); err != nil {
			return stats, err
		}
	}
	stats.Written, stats.Unchanged = len(staged), unchanged

	for _, p := range old {
		if keep[p] || !filepath.IsLocal(filepath.FromSlash(p)) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Remove(full); err == nil {
			stats.Removed++
			removeEmptyParents(dir, filepath.Dir(full))
		}
	}
	return stats, writeManifest(dir, keep)
}

// staged is a changed file written under a temporary name.
type staged struct {
	temp, final string
}

// stage writes every file whose bytes changed under a temporary name in
// its folder, in parallel: the disk, not the CPU, sets the pace.
func stage(dir string, files []File) (done []staged, unchanged int, err error) {
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
		next = make(chan File)
	)
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				final := filepath.Join(dir, filepath.FromSlash(f.Path))
				temp, err := stageFile(final, f.Data)
				mu.Lock()
				switch {
				case err != nil:
					errs = append(errs, err)
				case temp == "":
					unchanged++
				default:
					done = append(done, staged{temp, final})
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return done, unchanged, errors.Join(errs...)
}

// stageFile writes data beside path under a temporary name, unless path
// already holds exactly data; it returns the temporary name, or "".
func stageFile(path string, data []byte) (string, error) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return "", nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gen-*")
	if err != nil {
		return "", err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), 0o644)); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
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
