package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// manifest is the JSON in the output folder's .gen-manifest. JSON, not a
// line per file: a file name may hold a newline, a leading space or a "#",
// and the list must name each file exactly.
type manifest struct {
	Generator string   `json:"generator"`
	Files     []string `json:"files"`
}

const (
	generator    = "gen"
	maxManifest  = 256 << 20 // far more than any site's list of files
	legacyHeader = "# Files written by gen build; the next build removes those it no longer writes.\n"
)

// readManifest returns the files gen wrote into dir that are still there
// (as live holds them), and whether the manifest is of the line-per-file
// kind older versions wrote. A path that could leave dir is not gen's,
// whatever the manifest says.
func readManifest(dir string, live *tree) (owned map[string]bool, legacy bool, err error) {
	name := filepath.Join(dir, Manifest)
	info, err := os.Lstat(name)
	if os.IsNotExist(err) {
		return map[string]bool{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !info.Mode().IsRegular() {
		return nil, false, fmt.Errorf("%s is not a file: remove it", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return nil, false, err
	}
	var paths []string
	if rest, ok := bytes.CutPrefix(data, []byte(legacyHeader)); ok {
		legacy = true
		paths = strings.Split(strings.TrimSuffix(string(rest), "\n"), "\n") // as gen wrote it before 2 December 2026
	} else {
		var m manifest
		if len(data) > maxManifest || json.Unmarshal(data, &m) != nil || m.Generator != generator {
			return nil, false, fmt.Errorf("%s is not a list of files gen wrote: remove it only if gen made this folder", name)
		}
		paths = m.Files
	}
	owned = make(map[string]bool, len(paths))
	for _, p := range paths {
		if t, ok := live.entries[p]; ok && !t.IsDir() && checkPath(p) == nil {
			owned[p] = true
		}
	}
	return owned, legacy, nil
}

// writeManifest lists the new site's files in the spare tree.
func (s *Staging) writeManifest() error {
	data, err := json.MarshalIndent(manifest{Generator: generator, Files: slices.Sorted(maps.Keys(s.keep))}, "", "\t")
	if err != nil {
		return err
	}
	if err := s.clear(Manifest); err != nil {
		return err
	}
	return createFile(filepath.Join(s.spare, Manifest), append(data, '\n'))
}
