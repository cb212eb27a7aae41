//go:build unix

package serve

import (
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/projectfs"
	"github.com/briefing-gen/gen/internal/site"
)

// TestANamedPipeDoesNotFreezeTheServer saves a named pipe and a link out
// of the project while serving: the rebuild must return at once, show
// both, and keep serving the last good site.
func TestANamedPipeDoesNotFreezeTheServer(t *testing.T) {
	dir := newProject(t)
	fsys, err := projectfs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := New(site.NewProject(fsys, briefing.Templates(), briefing.Static()), io.Discard)
	s.Rebuild(nil)
	ts := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); ts.Close() })
	states := stream(t, ts.URL)
	next(t, states)

	pipe := filepath.Join(dir, "content/actors/p.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { // frees a reader a regression left blocked
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "content/actors/passwd.md")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { s.Rebuild([]string{"content/actors/p.md", "content/actors/passwd.md"}); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a named pipe froze the rebuild")
	}
	st := next(t, states)
	var shown []string
	for _, p := range st.Problems {
		shown = append(shown, p.File+": "+p.Message+" "+p.Snippet)
	}
	all := strings.Join(shown, "\n")
	if len(st.Problems) != 2 || !strings.Contains(all, "content/actors/p.md: is a named pipe") ||
		!strings.Contains(all, "content/actors/passwd.md: symbolic link points outside the project folder") || strings.Contains(all, "root:") {
		t.Errorf("problems shown:\n%s", all)
	}
	if code, _ := get(t, ts.URL+"/articles/first/"); code != 200 || st.Version != 1 {
		t.Errorf("the last good site is not served: %d, version %d", code, st.Version)
	}
}
