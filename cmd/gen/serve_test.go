package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the server goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeStartsOnLoopbackAndStopsOnCtrlC(t *testing.T) {
	dir := copyProject(t)
	writeDraft(t, dir) // gen serve shows drafts, with a banner
	addr := freeAddr(t)
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() { done <- serveCmd([]string{"-root", dir, "-addr", addr}, &stdout, &stderr) }()

	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "Serving ") {
		if time.Now().After(deadline) {
			t.Fatalf("did not start:\n%s\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stdout.String(), "http://"+addr+"/") {
		t.Errorf("the URL is not printed: %q", stdout.String())
	}
	resp, err := http.Get("http://" + addr + "/actors/zelensky/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "Volodymyr Zelensky") {
		t.Errorf("page not served")
	}
	if draft := get(t, "http://"+addr+"/articles/unfinished/"); !strings.Contains(draft, `class="draft-banner"`) {
		t.Errorf("the draft is not served with its banner:\n%.500s", draft)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("page served without its security headers: %v", resp.Header)
	}
	// An open page's event stream must not hold up the stop.
	events, err := http.Get("http://" + addr + "/_gen/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stdout.String(), "Stopped.") {
			t.Errorf("exit %d, stdout %q", code, stdout.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-C did not stop the server")
	}
}

func TestServeDefaultsToLoopbackAndExplainsABusyPort(t *testing.T) {
	if _, stdout, _ := gen(t, "help", "serve"); !strings.Contains(stdout, `(default "127.0.0.1:8080")`) {
		t.Errorf("the default address should be loopback:\n%s", stdout)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := gen(t, "serve", "-root", copyProject(t), "-addr", ln.Addr().String())
	if code != 1 || !strings.Contains(stderr, "is already in use") || !strings.Contains(stderr, "-addr") {
		t.Errorf("busy port: %d %q", code, stderr)
	}
}
