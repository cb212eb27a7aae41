//go:build unix

package projectfs_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing-gen/gen/internal/projectfs"
)

const secret = "OUTSIDE-SECRET"

// setup makes a project folder and, beside it, a folder outside it.
func setup(t *testing.T) (project, outside string, fsys *projectfs.FS) {
	t.Helper()
	base := t.TempDir()
	project, outside = filepath.Join(base, "project"), filepath.Join(base, "outside")
	write(t, filepath.Join(outside, "secret.txt"), secret)
	write(t, filepath.Join(project, "content/actors/ann.md"), "Ann")
	write(t, filepath.Join(project, "static/css/site.css"), "body{}")
	fsys, err := projectfs.Open(project)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fsys.Close() })
	return project, outside, fsys
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// refused fails unless err is a Refusal of name for reason, and checks
// that it shows nothing of what lies outside.
func refused(t *testing.T, err error, name string, reason projectfs.Reason) {
	t.Helper()
	var r *projectfs.Refusal
	if !errors.As(err, &r) || r.Reason != reason || r.Path != name {
		t.Fatalf("want a refusal of %s (reason %d), got %v", name, reason, err)
	}
	if msg := r.Error() + r.Hint(); strings.Contains(msg, secret) || strings.Contains(msg, "outside/") {
		t.Errorf("the refusal shows what lies outside: %s", msg)
	}
}

// every reads name each way the FS offers, and returns the errors.
func every(fsys *projectfs.FS, name string) map[string]error {
	_, readErr := fsys.ReadFile(name)
	_, statErr := fsys.Stat(name)
	f, openErr := fsys.Open(name)
	if f != nil {
		f.Close()
	}
	return map[string]error{"ReadFile": readErr, "Stat": statErr, "Open": openErr}
}

func TestLinksLeavingTheProjectAreRefused(t *testing.T) {
	project, outside, fsys := setup(t)
	link(t, filepath.Join(outside, "secret.txt"), filepath.Join(project, "static/abs.txt"))
	link(t, "../../outside/secret.txt", filepath.Join(project, "static/rel.txt"))
	link(t, "/etc/passwd", filepath.Join(project, "static/passwd"))
	link(t, "/dev/zero", filepath.Join(project, "static/zero"))
	link(t, outside, filepath.Join(project, "out"))
	link(t, "../../out/secret.txt", filepath.Join(project, "content/actors/evil.md"))
	link(t, "../../outside", filepath.Join(project, "content/topics"))
	// Absolute links are refused even into the project: os.Root follows
	// only relative ones.
	link(t, filepath.Join(project, "static/css/site.css"), filepath.Join(project, "static/self.css"))
	for _, name := range []string{"static/abs.txt", "static/rel.txt", "static/passwd", "static/zero", "content/actors/evil.md", "static/self.css"} {
		for how, err := range every(fsys, name) {
			t.Run(how+" "+name, func(t *testing.T) { refused(t, err, name, projectfs.Outside) })
		}
	}
	_, err := fsys.ReadDir("content/topics")
	refused(t, err, "content/topics", projectfs.Outside)
	_, err = fsys.ReadFile("content/topics/secret.txt")
	refused(t, err, "content/topics/secret.txt", projectfs.Outside)
}

func TestLinksInsideTheProjectAreFollowed(t *testing.T) {
	project, _, fsys := setup(t)
	link(t, "css/site.css", filepath.Join(project, "static/style.css"))
	link(t, "../content", filepath.Join(project, "static/content"))
	data, err := fsys.ReadFile("static/style.css")
	if err != nil || string(data) != "body{}" {
		t.Fatalf("%q, %v", data, err)
	}
	data, err = fsys.ReadFile("static/content/actors/ann.md")
	if err != nil || string(data) != "Ann" {
		t.Fatalf("through a linked folder: %q, %v", data, err)
	}
	entries, err := fsys.ReadDir("static")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if err != nil || strings.Join(names, " ") != "content css style.css" {
		t.Errorf("ReadDir: %v, %v", names, err)
	}
}

func TestDanglingAndLoopingLinks(t *testing.T) {
	project, _, fsys := setup(t)
	link(t, "nothing.txt", filepath.Join(project, "static/dead"))
	link(t, "b", filepath.Join(project, "static/a"))
	link(t, "a", filepath.Join(project, "static/b"))
	for how, err := range every(fsys, "static/dead") {
		t.Run(how+" dead", func(t *testing.T) { refused(t, err, "static/dead", projectfs.Dangling) })
	}
	for how, err := range every(fsys, "static/a") {
		t.Run(how+" loop", func(t *testing.T) { refused(t, err, "static/a", projectfs.Loop) })
	}
	if _, err := fsys.ReadFile("static/missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestNamedPipesAndDevicesAreNotRead must return promptly: a pipe opened
// the ordinary way blocks until a writer comes.
func TestNamedPipesAndDevicesAreNotRead(t *testing.T) {
	project, _, fsys := setup(t)
	pipe := filepath.Join(project, "content/actors/p.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { // frees a reader a regression left blocked
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	done := make(chan map[string]error, 1)
	go func() { done <- every(fsys, "content/actors/p.md") }()
	select {
	case errs := <-done:
		for how, err := range errs {
			t.Run(how, func(t *testing.T) { refused(t, err, "content/actors/p.md", projectfs.NotRegular) })
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe blocked")
	}
	if err := syscall.Mknod(filepath.Join(project, "static/zero"), syscall.S_IFCHR|0o644, 1<<8|5); err == nil {
		_, err := fsys.ReadFile("static/zero")
		refused(t, err, "static/zero", projectfs.NotRegular)
		if !strings.Contains(err.Error(), "is a device") {
			t.Errorf("message: %v", err)
		}
	}
	if ln, err := net.Listen("unix", filepath.Join(project, "static/s")); err != nil {
		t.Logf("no socket: %v", err)
	} else {
		defer ln.Close()
		_, err := fsys.ReadFile("static/s")
		refused(t, err, "static/s", projectfs.NotRegular)
		if !strings.Contains(err.Error(), "is a socket") {
			t.Errorf("message: %v", err)
		}
	}
	_, err := fsys.ReadFile("static/css")
	refused(t, err, "static/css", projectfs.NotRegular)
	if !strings.Contains(err.Error(), "is a folder, not a regular file") {
		t.Errorf("message: %v", err)
	}
}

func TestSizeLimits(t *testing.T) {
	project, _, fsys := setup(t)
	sparse := func(name string, size int64) {
		if err := os.Truncate(filepath.Join(project, name), size); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(project, "content/big.md"), "")
	sparse("content/big.md", projectfs.MaxFile+1)
	write(t, filepath.Join(project, "static/big.bin"), "")
	sparse("static/big.bin", projectfs.MaxFile+1) // under static/'s limit
	for how, err := range every(fsys, "content/big.md") {
		t.Run(how, func(t *testing.T) { refused(t, err, "content/big.md", projectfs.TooLarge) })
	}
	if _, err := fsys.Stat("static/big.bin"); err != nil {
		t.Errorf("static/ allows %d MiB: %v", projectfs.MaxStatic>>20, err)
	}
	sparse("static/big.bin", projectfs.MaxStatic+1)
	_, err := fsys.Stat("static/big.bin")
	refused(t, err, "static/big.bin", projectfs.TooLarge)

	// A file that grows once open stops at the limit.
	sparse("content/big.md", 10)
	f, err := fsys.Open("content/big.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sparse("content/big.md", projectfs.MaxFile+100)
	n, err := io.Copy(io.Discard, f)
	refused(t, err, "content/big.md", projectfs.TooLarge)
	if !strings.Contains(err.Error(), "grew past the 64 MiB") {
		t.Errorf("message: %v", err)
	}
	if n != projectfs.MaxFile {
		t.Errorf("read %d bytes, want the limit, %d", n, projectfs.MaxFile)
	}
}

func TestWalkFollowsLinkedFoldersButNotCycles(t *testing.T) {
	project, _, fsys := setup(t)
	write(t, filepath.Join(project, "assets/img/a.png"), "a")
	link(t, "../assets/img", filepath.Join(project, "static/img"))
	link(t, "..", filepath.Join(project, "static/css/up"))
	link(t, "/etc", filepath.Join(project, "static/etc"))
	var got []string
	projectfs.Walk(fsys, "static", func(name string, info fs.FileInfo, err error) error {
		var r *projectfs.Refusal
		switch {
		case errors.As(err, &r):
			got = append(got, name+" refused "+r.Message())
		case err != nil:
			t.Errorf("%s: %v", name, err)
		default:
			got = append(got, name)
		}
		return nil
	})
	want := []string{
		"static/css/site.css",
		"static/css/up refused symbolic link leads to a folder that holds it, so it is not followed",
		"static/etc refused symbolic link points outside the project folder",
		"static/img/a.png",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walked:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenNeedsAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "x")
	if _, err := projectfs.Open(file); err == nil || err.Error() != file+": not a folder" {
		t.Errorf("a file: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	if _, err := projectfs.Open(missing); err == nil || err.Error() != missing+": no such folder" {
		t.Errorf("a missing folder: %v", err)
	}
}

func TestIsAnFS(t *testing.T) {
	project, _, fsys := setup(t)
	link(t, "css/site.css", filepath.Join(project, "static/style.css"))
	if err := fstest.TestFS(fsys, "content/actors/ann.md", "static/css/site.css", "static/style.css"); err != nil {
		t.Fatal(err)
	}
}

// TestWalkDoesNotMultiplyAFolderThroughLinks: ten links in each of four
// folders, each to the folder before, copied one file 11,111 times.
func TestWalkDoesNotMultiplyAFolderThroughLinks(t *testing.T) {
	project, _, fsys := setup(t)
	write(t, filepath.Join(project, "static/d0/f.txt"), "f")
	for d := 1; d <= 4; d++ {
		for l := 1; l <= 10; l++ {
			link(t, fmt.Sprintf("../d%d", d-1), filepath.Join(project, fmt.Sprintf("static/d%d/l%02d", d, l)))
		}
	}
	files, repeats := 0, 0
	projectfs.Walk(fsys, "static", func(name string, info fs.FileInfo, err error) error {
		var r *projectfs.Refusal
		switch {
		case errors.As(err, &r) && r.Reason == projectfs.Repeat:
			repeats++
		case err != nil:
			t.Errorf("%s: %v", name, err)
		case strings.HasSuffix(name, "f.txt"):
			files++
		}
		return nil
	})
	if files > 5 || repeats == 0 {
		t.Errorf("f.txt walked %d times (%d links refused); want it once per folder a link first leads to", files, repeats)
	}
}
