package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reports, on the returned channel, batches of files changed under
// root's content/, templates/ and static/ and root's site.toml, as
// slash-separated paths from root; a nil batch means events were lost and
// everything must be read again. An editor's save is often several events
// (write a temporary file, rename, change mode): a batch closes after quiet
// passes with no event, or at the latest after 10 × quiet, so a stream of
// writes cannot hold a rebuild off. Folders created later are watched
// too. The channel closes when ctx ends.
func Watch(ctx context.Context, root string, quiet time.Duration) (<-chan []string, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range []string{"content", "templates", "static", "i18n"} {
		if err := addTree(w, filepath.Join(root, dir)); err != nil {
			w.Close()
			return nil, err // such as the system's limit on watches
		}
	}
	out := make(chan []string)
	go func() {
		defer close(out)
		defer w.Close()
		pending := map[string]bool{}
		lost := false
		var timer <-chan time.Time
		var first time.Time // when the open batch began
		wait := func() {
			if timer == nil {
				first = time.Now()
			}
			timer = time.After(min(quiet, time.Until(first.Add(10*quiet))))
		}
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
					wait()
				}
			case <-w.Errors:
				lost = true // an overflow: events were dropped
				wait()
			case <-timer:
				var batch []string // nil: read everything
				if !lost {
					batch = make([]string, 0, len(pending))
					for p := range pending {
						batch = append(batch, p)
					}
					sort.Strings(batch)
				}
				clear(pending)
				lost, timer = false, nil
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
	if rel != "site.toml" && top != "content" && top != "templates" && top != "static" && top != "i18n" {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			changed := []string{rel}
			_ = addTree(w, ev.Name) // at worst its files go unwatched; the batch still reports them
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
	if top == "content" && path.Ext(rel) != ".md" && !isWatched(w, ev.Name) {
		return nil // not content nor a folder of it: a tool's temporary file, such as sed's
	}
	return []string{rel}
}

// isWatched reports whether name is a folder being watched, which is how
// a folder that was just removed can still be told from a file.
func isWatched(w *fsnotify.Watcher, name string) bool {
	return slices.Contains(w.WatchList(), name)
}

// addTree watches dir and every folder under it, if it exists.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// ignored names editors' temporary and backup files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}
