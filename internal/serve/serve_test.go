package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

const article = "---\ntitle: First\npublished: \"2025-02-15\"\n---\n[Ann](actor:ann) said [“yes”](quote:ann).\n"

func newProject(t *testing.T) string {
	t.Helper()
	return testproject.New(t, map[string]string{
		"content/actors/ann.md":     "---\nname: Ann Example\nkind: person\n---\nA minister.\n",
		"content/articles/first.md": article,
	})
}

func writeFile(t *testing.T, dir, name, text string) { testproject.Write(t, dir, name, text) }

func start(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s := New(site.NewProject(os.DirFS(dir), briefing.Templates(), briefing.Static()), io.Discard)
	s.Rebuild(nil)
	ts := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); ts.Close() })
	return s, ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// stream reads the states the server sends to an open page.
func stream(t *testing.T, url string) <-chan State {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/_gen/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	states := make(chan State, 10)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var s State
				if json.Unmarshal([]byte(data), &s) == nil {
					states <- s
				}
			}
		}
	}()
	return states
}

func next(t *testing.T, states <-chan State) State {
	t.Helper()
	select {
	case s := <-states:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("no state from the server")
		return State{}
	}
}

func TestEditReloadsAndErrorsShowOverTheLastGoodSite(t *testing.T) {
	dir := newProject(t)
	s, ts := start(t, dir)

	code, page := get(t, ts.URL+"/articles/first/")
	if code != 200 || !strings.Contains(page, `<script src="/_gen/live.js?v=1" defer></script></body>`) {
		t.Fatalf("page %d without the live script:\n%s", code, page)
	}
	if code, js := get(t, ts.URL+"/_gen/live.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("live.js: %d", code)
	}
	states := stream(t, ts.URL)
	first := next(t, states)
	if first.Version != 1 || len(first.Problems) != 0 {
		t.Fatalf("first state %+v", first)
	}

	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "said", "declared", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	st := next(t, states)
	if st.Version != 2 || len(st.Problems) != 0 || st.All {
		t.Errorf("after an edit: %+v, want version 2 (a reload)", st)
	}
	if !slices.Contains(st.Changed, "articles/first/index.html") || slices.Contains(st.Changed, "topics/index.html") {
		t.Errorf("changed pages %v: want the article, not the untouched topics index", st.Changed)
	}
	if _, page := get(t, ts.URL+"/articles/first/index.html"); !strings.Contains(page, "declared") {
		t.Errorf("the edit is not served")
	}

	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "(actor:ann)", "(actor:anne)", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	st = next(t, states)
	if st.Version != 2 || len(st.Problems) != 1 {
		t.Fatalf("after a typo: %+v, want the same version and one problem", st)
	}
	p := st.Problems[0]
	if p.File != "content/articles/first.md" || p.Line != 5 || p.Col != 13 || p.Message != `unknown actor "anne"` ||
		p.Hint != `did you mean "ann"?` || !strings.Contains(p.Snippet, "[Ann](actor:anne)") || !strings.Contains(p.Snippet, "^") {
		t.Errorf("problem %+v", p)
	}
	if _, page := get(t, ts.URL+"/articles/first/index.html"); !strings.Contains(page, "declared") {
		t.Errorf("the last good site is no longer served")
	}

	writeFile(t, dir, "content/articles/first.md", article)
	s.Rebuild([]string{"content/articles/first.md"})
	if st := next(t, states); st.Version != 3 || len(st.Problems) != 0 {
		t.Errorf("after the fix: %+v, want version 3 and no problems", st)
	}
}

func TestServesOnlyTheBuiltSite(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "secret.txt", "do not serve")
	_, ts := start(t, dir)
	for _, p := range []string{"/../secret.txt", "/secret.txt", "/%2e%2e/secret.txt", "/content/actors/ann.md", "/site.toml"} {
		code, body := get(t, ts.URL+p)
		if code != 404 || strings.Contains(body, "do not serve") || strings.Contains(body, "A minister.") && !strings.Contains(body, "Not found") {
			t.Errorf("%s: %d", p, code)
		}
	}
	if code, body := get(t, ts.URL+"/style.css"); code != 200 || strings.Contains(body, "_gen") {
		t.Errorf("style.css: %d", code)
	}
	if code, _ := get(t, ts.URL+"/actors/ann/index.html"); code != 200 {
		t.Errorf("a page: %d", code)
	}
}

func TestBuildOutputNeverHasTheLiveScript(t *testing.T) {
	s, err := site.Build(site.NewProject(os.DirFS(newProject(t)), briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range s.Files {
		if strings.Contains(string(f.Data), "_gen/") {
			t.Errorf("%s mentions the dev server", f.Path)
		}
		if strings.HasSuffix(f.Path, ".html") {
			pages++
		}
	}
	if pages < 5 {
		t.Errorf("the build holds %d pages: nothing to check", pages)
	}
}

func TestFirstBuildFailingStillServesTheErrors(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "(actor:ann)", "(actor:anne)", 1))
	_, ts := start(t, dir)
	code, page := get(t, ts.URL+"/")
	if code != 404 || !strings.Contains(page, "/_gen/live.js") {
		t.Errorf("with no good site yet, pages should still carry the overlay script: %d", code)
	}
	if st := next(t, stream(t, ts.URL)); len(st.Problems) != 1 {
		t.Errorf("state %+v", st)
	}
}

func TestOnlyLoopbackHostsWhenBoundToLoopback(t *testing.T) {
	s, ts := start(t, newProject(t))
	s.LoopbackOnly = true
	for host, want := range map[string]int{"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "evil.example:8080": 403, "192.168.1.5:8080": 403} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// builtPolicy is the Content-Security-Policy the built-in base.html gives
// every page in a <meta> tag.
func builtPolicy(t *testing.T) string {
	t.Helper()
	base, err := fs.ReadFile(briefing.Templates(), "base.html")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(base), `<meta http-equiv="Content-Security-Policy" content="`)
	policy, _, _ := strings.Cut(rest, `"`)
	if !ok || policy == "" {
		t.Fatal("base.html has no Content-Security-Policy")
	}
	return policy
}

// TestSecurityHeadersOnEveryResponse checks that what gen serve answers,
// pages, static files, its own 404 page, the live-reload script and event
// stream, and refusals, carries the built pages' Content-Security-Policy
// and X-Content-Type-Options: nosniff.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s, ts := start(t, newProject(t))
	s.LoopbackOnly = true
	policy := builtPolicy(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, c := range []struct {
		method, path, host string
		code               int
	}{
		{"GET", "/actors/ann/", "", 200},
		{"GET", "/style.css", "", 200},
		{"GET", "/no/such/page", "", 404},
		{"GET", "/_gen/live.js", "", 200},
		{"GET", "/_gen/events", "", 200},
		{"POST", "/", "", 405},
		{"GET", "/", "evil.example", 403},
	} {
		req, _ := http.NewRequestWithContext(ctx, c.method, ts.URL+c.path, nil)
		if c.host != "" {
			req.Host = c.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, resp.StatusCode, c.code)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != policy {
			t.Errorf("%s %s: Content-Security-Policy %q, want %q", c.method, c.path, got, policy)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q", c.method, c.path, got)
		}
	}
}

// TestPageWithItsOwnPolicyIsServedWithIt checks that a project whose
// base.html sets another policy gets that one on its pages, so the
// preview allows what the built site allows.
func TestPageWithItsOwnPolicyIsServedWithIt(t *testing.T) {
	dir := newProject(t)
	base, err := fs.ReadFile(briefing.Templates(), "base.html")
	if err != nil {
		t.Fatal(err)
	}
	policy := builtPolicy(t)
	own := strings.Replace(policy, "img-src 'self' data:", "img-src 'self' data: https:", 1)
	writeFile(t, dir, "templates/base.html", strings.Replace(string(base), policy, own, 1))
	_, ts := start(t, dir)
	for path, want := range map[string]string{"/actors/ann/": own, "/style.css": policy} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != want {
			t.Errorf("%s: Content-Security-Policy %q, want %q", path, got, want)
		}
	}
}

// listen serves s on a loopback port with the given timeouts.
func listen(t *testing.T, s *Server, timeouts Timeouts) (*http.Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := s.HTTPServer(timeouts)
	go srv.Serve(ln)
	t.Cleanup(func() { s.Close(); srv.Close() })
	return srv, ln.Addr().String()
}

func TestDefaultTimeoutsAreAllSet(t *testing.T) {
	s := New(site.NewProject(os.DirFS(newProject(t)), briefing.Templates(), briefing.Static()), io.Discard)
	srv := s.HTTPServer(DefaultTimeouts())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts: header %s, read %s, write %s, idle %s", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	if srv.Handler != s {
		t.Errorf("the server does not serve s")
	}
}

// TestIdleConnectionsAreClosed checks that a kept-alive connection with no
// further request is closed after the idle timeout.
func TestIdleConnectionsAreClosed(t *testing.T) {
	s, _ := start(t, newProject(t))
	_, addr := listen(t, s, Timeouts{ReadHeader: time.Second, Read: time.Second, Write: time.Second, Idle: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /style.css HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("status %d, close %v: want a kept-alive answer", resp.StatusCode, resp.Close)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second)) // the test's own limit
	start := time.Now()
	if _, err := r.ReadByte(); err != io.EOF {
		t.Fatalf("idle connection: %v, want it closed by the server", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("closed after %s, want about the 200ms idle timeout", took)
	}
}

// TestEventStreamOutlivesTheTimeouts checks that live reload, a stream
// that stays open, keeps working past the read and write timeouts that
// end other requests.
func TestEventStreamOutlivesTheTimeouts(t *testing.T) {
	dir := newProject(t)
	s, _ := start(t, dir)
	_, addr := listen(t, s, Timeouts{ReadHeader: 200 * time.Millisecond, Read: 200 * time.Millisecond, Write: 200 * time.Millisecond, Idle: 200 * time.Millisecond})
	states := stream(t, "http://"+addr)
	if st := next(t, states); st.Version != 1 {
		t.Fatalf("first state %+v", st)
	}
	time.Sleep(800 * time.Millisecond) // four times every timeout
	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "said", "declared", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	if st := next(t, states); st.Version != 2 {
		t.Errorf("after the timeouts: %+v, want version 2 on the same stream", st)
	}
}

// TestTheLogSaysWhenProblemsClear checks that once a save fixes the last
// problem, the log says so, rather than leaving the writer to infer it
// from the absence of a message.
func TestTheLogSaysWhenProblemsClear(t *testing.T) {
	dir := newProject(t)
	var log strings.Builder
	s := New(site.NewProject(os.DirFS(dir), briefing.Templates(), briefing.Static()), &log)
	t.Cleanup(s.Close)
	s.Rebuild(nil)
	article, err := os.ReadFile(filepath.Join(dir, "content/articles/first.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/articles/first.md", strings.Replace(string(article), "(actor:ann)", "(actor:anne)", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	if strings.Contains(log.String(), "cleared") {
		t.Fatalf("the log says problems cleared while one stands:\n%s", log.String())
	}
	writeFile(t, dir, "content/articles/first.md", string(article))
	s.Rebuild([]string{"content/articles/first.md"})
	if !strings.Contains(log.String(), "The errors and warnings of the last build are cleared") {
		t.Errorf("the log does not say the problems cleared:\n%s", log.String())
	}
}
