package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkTarget returns dir as an absolute path with its symbolic links
// resolved, or an error if a build must not write there: the file system
// root, the project or a folder holding it, or a source folder or a
// folder inside one (the next build would read the site as sources).
func checkTarget(dir string, opt Options) (string, error) {
	out, err := resolve(dir)
	if err != nil {
		return "", err
	}
	if filepath.Dir(out) == out {
		return "", fmt.Errorf("refusing to build into %s, the root of the file system: pick a folder of its own, such as public", out)
	}
	for d := out; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if base := filepath.Base(d); len(base) > len("..gen") && strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".gen") {
			return "", fmt.Errorf("refusing to build into %s, inside %s where gen keeps the spare copy of a site", out, d)
		}
	}
	if opt.Project != "" {
		project, err := resolve(opt.Project)
		if err != nil {
			return "", err
		}
		if within(project, out) {
			what := "a folder that holds the project " + project
			if project == out {
				what = "the project folder itself"
			}
			return "", fmt.Errorf("refusing to build into %s, %s: pick a folder of its own, such as public", out, what)
		}
	}
	for _, src := range opt.Sources {
		source, err := resolve(src)
		if err != nil {
			return "", err
		}
		if within(source, out) || within(out, source) {
			return "", fmt.Errorf("refusing to build into %s, which holds or is inside the sources %s: pick a folder of its own, such as public", out, source)
		}
	}
	return out, nil
}

// resolve makes p absolute and resolves the symbolic links of as much of
// it as exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var missing []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, missing...)...), nil
		}
		if !os.IsNotExist(err) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", err
		}
		missing = append([]string{filepath.Base(abs)}, missing...)
		abs = parent
	}
}

// within reports whether p is inside dir, or is dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel) && !strings.HasPrefix(rel, ".."))
}
