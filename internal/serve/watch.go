package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the project's folders a rebuild depends on; site.toml is
// watched through the project folder itself.
var watched = []string{"content", "templates", "static"}

// Watch reports, on the returned channel, batches of files changed under
// root's content/, templates/ and static/ and root's site.toml, as
// slash-separated paths from root. An editor's save is often several
// events (write a temporary file, rename, change mode): a batch closes
// after quiet passes with no event. Folders created later are watched too.
// The channel closes when ctx ends.
func Watch(ctx context.Context, root string, quiet time.Duration) (<-chan []string, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range watched {
		addTree(w, filepath.Join(root, dir))
	}
	out := make(chan []string)
	go func() {
		defer close(out)
		defer w.Close()
		pending := map[string]bool{}
		var timer <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				for _, p := range relevant(w, root, ev) {
					pending[p] = true
				}
				if len(pending) > 0 {
					timer = time.After(quiet)
				}
			case <-w.Errors:
				// An overflow loses events: rebuild everything to be safe.
				pending["content"] = true
				timer = time.After(quiet)
			case <-timer:
				batch := make([]string, 0, len(pending))
				for p := range pending {
					batch = append(batch, p)
				}
				sort.Strings(batch)
				clear(pending)
				timer = nil
				select {
				case out <- batch:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out, nil
}

// relevant turns an event into the changed paths a rebuild needs, and
// watches a folder that was just created, with whatever it already holds.
func relevant(w *fsnotify.Watcher, root string, ev fsnotify.Event) []string {
	rel, err := filepath.Rel(root, ev.Name)
	if err != nil || ignored(filepath.Base(ev.Name)) {
		return nil
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if rel != "site.toml" && top != "content" && top != "templates" && top != "static" {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			changed := []string{rel}
			addTree(w, ev.Name)
			_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if r, err := filepath.Rel(root, p); err == nil {
						changed = append(changed, filepath.ToSlash(r))
					}
				}
				return nil
			})
			return changed
		}
	}
	if ev.Op == fsnotify.Chmod {
		return nil // touch, or an editor fiddling with modes: no new bytes
	}
	return []string{rel}
}

// addTree watches dir and every folder under it, if it exists.
func addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = w.Add(p)
		}
		return nil
	})
}

// ignored names editors' temporary and backup files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}
