//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// secret marks every byte that lives outside the project folder: no
// message and no output file may ever show it.
const secret = "OUTSIDE-SECRET-b7c1e9"

// outside writes files outside the project that links will point at,
// each of which would show secret if it were read.
func outside(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"secret.txt":      secret + "\n",
		"secret.md":       "---\nname: " + secret + "\nkind: nonsense\n---\n" + secret + "\n",
		"actors/spy.md":   "---\nname: " + secret + "\nkind: nonsense\n---\n" + secret + "\n",
		"site.toml":       "title = \"" + secret + "\"\nbad line " + secret + "\n",
		"topic.html":      "{{define \"main\"}}" + secret + "{{.Topic.Nothing}}{{end}}\n",
		"content/x.md":    "---\nname: " + secret + "\nkind: nonsense\n---\n",
		"content/actors/": "",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// mkfifo makes a named pipe, and on cleanup opens it for writing, which
// frees a reader a regressed build left blocked on it.
func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(name, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
}

// genWithin runs gen, failing the test rather than hanging when it does
// not return within a few seconds.
func genWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.code, r.stdout, r.stderr = gen(t, args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("gen %s did not return within 20 s", strings.Join(args, " "))
	}
	return
}

// noLeak fails if any text or file under public/ holds what lies outside
// the project.
func noLeak(t *testing.T, dir string, texts ...string) {
	t.Helper()
	leaks := []string{secret, "root:x:0:0", "SECRET_TOKEN", "PATH="}
	for _, s := range texts {
		for _, leak := range leaks {
			if strings.Contains(s, leak) {
				t.Errorf("a message shows %q from outside the project:\n%s", leak, s)
			}
		}
	}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(p)
		for _, leak := range leaks {
			if strings.Contains(string(data), leak) {
				t.Errorf("%s holds %q from outside the project", p, leak)
			}
		}
		return nil
	})
}

// TestOnlyTheProjectIsRead breaks the project with links out of it and
// with files that are not files, in every place gen reads. Each must be
// reported at its file, promptly, in one run, without showing a byte of
// what lies outside.
func TestOnlyTheProjectIsRead(t *testing.T) {
	t.Setenv("SECRET_TOKEN", secret)
	const outsideMsg = `: symbolic link points outside the project folder`
	cases := []struct {
		name   string
		break_ func(t *testing.T, dir, out string)
		wants  []string // in stderr, as regular expressions
	}{
		{"static link to the environment", func(t *testing.T, dir, out string) {
			symlink(t, "/proc/self/environ", filepath.Join(dir, "static/env.txt"))
		}, []string{`static/env\.txt` + outsideMsg, `hint: copy the file into the project`}},
		{"static link to the password file", func(t *testing.T, dir, out string) {
			symlink(t, "/etc/passwd", filepath.Join(dir, "static/passwd"))
		}, []string{`static/passwd` + outsideMsg}},
		{"static link climbing out", func(t *testing.T, dir, out string) {
			rel, err := filepath.Rel(filepath.Join(dir, "static/css"), filepath.Join(out, "secret.txt"))
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, filepath.Join(dir, "static/css/up.txt"))
		}, []string{`static/css/up\.txt` + outsideMsg}},
		{"static link to a device outside", func(t *testing.T, dir, out string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "static/zero"))
		}, []string{`static/zero` + outsideMsg}},
		{"content file through a linked folder", func(t *testing.T, dir, out string) {
			symlink(t, out, filepath.Join(dir, "link"))
			symlink(t, "../../link/secret.md", filepath.Join(dir, "content/actors/evil.md"))
		}, []string{`content/actors/evil\.md` + outsideMsg}},
		{"content folder linked out", func(t *testing.T, dir, out string) {
			os.RemoveAll(filepath.Join(dir, "content/actors"))
			symlink(t, filepath.Join(out, "actors"), filepath.Join(dir, "content/actors"))
		}, []string{`content/actors` + outsideMsg}},
		{"content itself linked out", func(t *testing.T, dir, out string) {
			os.RemoveAll(filepath.Join(dir, "content"))
			symlink(t, filepath.Join(out, "content"), filepath.Join(dir, "content"))
		}, []string{`content` + outsideMsg}},
		{"template linked out", func(t *testing.T, dir, out string) {
			symlink(t, filepath.Join(out, "topic.html"), filepath.Join(dir, "templates/topic.html"))
		}, []string{`templates/topic\.html` + outsideMsg}},
		{"site.toml linked out", func(t *testing.T, dir, out string) {
			os.Remove(filepath.Join(dir, "site.toml"))
			symlink(t, filepath.Join(out, "site.toml"), filepath.Join(dir, "site.toml"))
		}, []string{`site\.toml` + outsideMsg}},
		{"a named pipe in content", func(t *testing.T, dir, out string) {
			mkfifo(t, filepath.Join(dir, "content/actors/p.md"))
		}, []string{`content/actors/p\.md: is a named pipe, not a regular file`, `hint: .*delete it`}},
		{"a named pipe in static", func(t *testing.T, dir, out string) {
			mkfifo(t, filepath.Join(dir, "static/p.txt"))
		}, []string{`static/p\.txt: is a named pipe, not a regular file`}},
		{"a named pipe as site.toml", func(t *testing.T, dir, out string) {
			os.Remove(filepath.Join(dir, "site.toml"))
			mkfifo(t, filepath.Join(dir, "site.toml"))
		}, []string{`site\.toml: is a named pipe, not a regular file`}},
		{"a named pipe as a template", func(t *testing.T, dir, out string) {
			mkfifo(t, filepath.Join(dir, "templates/topic.html"))
		}, []string{`templates/topic\.html: is a named pipe, not a regular file`}},
		{"a device in static", func(t *testing.T, dir, out string) {
			if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mknod(filepath.Join(dir, "static/zero"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
				t.Skipf("cannot make a device node here: %v", err)
			}
		}, []string{`static/zero: is a device, not a regular file`}},
		{"a dangling static link", func(t *testing.T, dir, out string) {
			symlink(t, "nothing-here.txt", filepath.Join(dir, "static/dead"))
		}, []string{`static/dead: symbolic link points to nothing`}},
		{"a static link to a folder that holds it", func(t *testing.T, dir, out string) {
			symlink(t, "..", filepath.Join(dir, "static/css/loop"))
		}, []string{`static/css/loop: symbolic link leads to a folder that holds it`}},
		{"a content file too large", func(t *testing.T, dir, out string) {
			big(t, filepath.Join(dir, "content/actors/big.md"), 65<<20)
		}, []string{`content/actors/big\.md: file is 65\.0 MiB, more than the 64 MiB gen reads`}},
		{"a static file too large", func(t *testing.T, dir, out string) {
			big(t, filepath.Join(dir, "static/video.mp4"), 101<<20)
		}, []string{`static/video\.mp4: file is 101\.0 MiB, more than the 100 MiB gen reads`, `GitHub Pages`}},
		{"every problem in one run", func(t *testing.T, dir, out string) {
			symlink(t, "/etc/passwd", filepath.Join(dir, "static/passwd"))
			symlink(t, filepath.Join(out, "secret.md"), filepath.Join(dir, "content/actors/a.md"))
			symlink(t, filepath.Join(out, "secret.md"), filepath.Join(dir, "content/topics/b.md"))
			mkfifo(t, filepath.Join(dir, "content/articles/c.md"))
		}, []string{`content/actors/a\.md` + outsideMsg, `content/topics/b\.md` + outsideMsg,
			`content/articles/c\.md: is a named pipe`, `static/passwd` + outsideMsg, `gen build: 4 errors`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, out := copyProject(t), outside(t)
			c.break_(t, dir, out)
			code, stdout, stderr := genWithin(t, "build", "-root", dir)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			for _, want := range c.wants {
				if !regexp.MustCompile(want).MatchString(stderr) {
					t.Errorf("stderr lacks %s:\n%s", want, stderr)
				}
			}
			noLeak(t, dir, stdout, stderr)
			// gen check reads the same way.
			code, stdout, stderr = genWithin(t, "check", "-root", dir)
			if code != 1 || !regexp.MustCompile(c.wants[0]).MatchString(stderr) {
				t.Errorf("gen check: exit %d, stderr lacks %s:\n%s", code, c.wants[0], stderr)
			}
			noLeak(t, dir, stdout, stderr)
		})
	}
}

// big makes a sparse file of size bytes, quick to make and, if it were
// read, slow to read.
func big(t *testing.T, name string, size int64) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// TestLinksInsideTheProjectWork links files and folders to others in the
// project: they build as the files themselves would.
func TestLinksInsideTheProjectWork(t *testing.T) {
	dir := copyProject(t)
	// A content file and a content folder kept elsewhere in the project.
	if err := os.MkdirAll(filepath.Join(dir, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "content/actors/vance.md"), filepath.Join(dir, "shared/vance.md")); err != nil {
		t.Fatal(err)
	}
	symlink(t, "../../shared/vance.md", filepath.Join(dir, "content/actors/vance.md"))
	if err := os.Rename(filepath.Join(dir, "content/topics"), filepath.Join(dir, "shared/topics")); err != nil {
		t.Fatal(err)
	}
	symlink(t, "../shared/topics", filepath.Join(dir, "content/topics"))
	// A static file, and a static folder, linked.
	for name, text := range map[string]string{"assets/logo.txt": "logo", "assets/img/a.txt": "a"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink(t, "../assets/logo.txt", filepath.Join(dir, "static/logo.txt"))
	symlink(t, "../assets/img", filepath.Join(dir, "static/img"))

	code, _, stderr := genWithin(t, "build", "-root", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for page, want := range map[string]string{
		"actors/vance/index.html": "Vance",
		"logo.txt":                "logo",
		"img/a.txt":               "a",
	} {
		if got := read(t, filepath.Join(dir, "public", page)); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
	topics, _ := filepath.Glob(filepath.Join(dir, "shared/topics/*.md"))
	for _, topic := range topics {
		slug := strings.TrimSuffix(filepath.Base(topic), ".md")
		if _, err := os.Stat(filepath.Join(dir, "public/topics", slug, "index.html")); err != nil {
			t.Errorf("topic %s from the linked folder was not built", slug)
		}
	}
}

func TestRootMustBeAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "site.toml")
	if err := os.WriteFile(file, []byte("title = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "nowhere")
	for _, cmd := range []string{"build", "check", "serve"} {
		code, _, stderr := genWithin(t, cmd, "-root", file)
		if want := "gen " + cmd + ": -root " + file + ": not a folder\n"; code != 1 || stderr != want {
			t.Errorf("gen %s -root FILE: exit %d, stderr %q; want %q", cmd, code, stderr, want)
		}
		code, _, stderr = genWithin(t, cmd, "-root", missing)
		if want := "gen " + cmd + ": -root " + missing + ": no such folder\n"; code != 1 || stderr != want {
			t.Errorf("gen %s -root MISSING: exit %d, stderr %q; want %q", cmd, code, stderr, want)
		}
	}
}

// TestServeIsNotFrozenByANamedPipe starts gen serve on a project holding
// a named pipe: it must report it, serve, and stop on Ctrl-C.
func TestServeIsNotFrozenByANamedPipe(t *testing.T) {
	dir := copyProject(t)
	mkfifo(t, filepath.Join(dir, "content/actors/p.md"))
	addr := freeAddr(t)
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- serveCmd([]string{"-root", dir, "-addr", addr}, &stdout, &stderr) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "Serving ") {
		if time.Now().After(deadline) {
			t.Fatalf("a named pipe froze gen serve:\n%s\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "content/actors/p.md: is a named pipe, not a regular file") {
		t.Errorf("the pipe is not reported:\n%s", stderr.String())
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-C did not stop the server")
	}
}
