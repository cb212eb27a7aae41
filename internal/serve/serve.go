// Package serve is gen serve: it builds the project, serves the last good
// site from memory, rebuilds on every save, and tells open pages, over
// server-sent events, to reload or to show what is wrong.
//
// Pages get a small script (live.js) added as they are served; nothing of
// it is ever written by gen build. Only files of the built site are
// served, looked up in memory, so no request can reach the disk.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/site"
)

//go:embed live.js
var liveJS []byte

const eventsPath = "/_gen/events"

// liveScript is the tag added to pages. It carries the version of the
// site the page came from, so a build that lands while the page loads
// still reloads it.
func liveScript(version int) string {
	return fmt.Sprintf(`<script src="/_gen/live.js?v=%d" defer></script>`, version)
}

// defaultPolicy is the Content-Security-Policy of the built-in base.html,
// sent with every response that is not a page carrying its own: files,
// serve's 404 page and its refusals. It lets the live script (/_gen/live.js)
// and its event stream through, as both are the site's own origin.
const defaultPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

// metaPolicy finds a page's <meta http-equiv="Content-Security-Policy">.
var metaPolicy = regexp.MustCompile(`(?i)<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"`)

// Timeouts bound how long a connection may take over a request or sit
// idle between them, so a stalled or forgotten browser tab cannot hold
// connections open forever.
type Timeouts struct {
	ReadHeader time.Duration // to send a request's headers
	Read       time.Duration // to send a whole request
	Write      time.Duration // to take a whole response; the event stream gets it per message instead
	Idle       time.Duration // for a kept-alive connection's next request
}

// DefaultTimeouts suit a preview on this computer: generous for the
// largest page, short for a connection nobody uses.
func DefaultTimeouts() Timeouts {
	return Timeouts{ReadHeader: 5 * time.Second, Read: 10 * time.Second, Write: 30 * time.Second, Idle: 60 * time.Second}
}

// Server holds the last good site and the state open pages follow.
type Server struct {
	project  site.Project
	builder  *site.Builder
	log      io.Writer
	timeouts Timeouts // set by HTTPServer before serving; zero for none

	// LoopbackOnly refuses requests whose Host is not this computer, so a
	// web page cannot reach the preview through a DNS name it controls.
	LoopbackOnly bool

	mu          sync.Mutex
	files       map[string][]byte
	state       State
	subscribers map[chan State]bool
	closed      bool
}

// State is what open pages are told after each build: the site's version
// (a reload is due when it changes) and the problems to show.
type State struct {
	Version  int       `json:"version"` // 0 until a build succeeds
	Problems []Problem `json:"problems"`

	// The pages the last good build changed; only those reload, so a
	// reader elsewhere keeps their place. All: every page may have.
	Changed []string `json:"changed"`
	All     bool     `json:"all"`
}

// Problem is a diagnostic as the overlay shows it.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Snippet string `json:"snippet,omitempty"`
	Warning bool   `json:"warning,omitempty"`
}

// New returns a server for project that logs to log. Call Rebuild to make
// the first build.
func New(project site.Project, log io.Writer) *Server {
	return &Server{project: project, builder: site.NewBuilder(project), log: log,
		files: map[string][]byte{}, subscribers: map[chan State]bool{}}
}

// Rebuild builds again after the changed files (nil: all), and on success
// swaps the new site in. Either way, open pages hear of the result.
func (s *Server) Rebuild(changed []string) error {
	start := time.Now()
	built, err := s.builder.Build(changed)
	var failure *diag.Failure
	if err != nil && !errors.As(err, &failure) {
		fmt.Fprintf(s.log, "gen serve: %v\n", err)
		return err
	}
	var problems []diag.Diagnostic
	if failure != nil {
		problems = failure.Diagnostics
	} else {
		problems = built.Warnings
	}
	reports := s.project.Reports(problems)
	for _, r := range reports {
		fmt.Fprintln(s.log, r)
	}

	s.mu.Lock()
	if built != nil {
		files := make(map[string][]byte, len(built.Files))
		for _, f := range built.Files {
			files[f.Path] = f.Data
		}
		s.files = files
		s.state.Version++
		s.state.Changed, s.state.All = built.Updated, built.UpdatedAll
	}
	hadProblems := len(s.state.Problems) > 0
	s.state.Problems = make([]Problem, len(reports))
	for i, r := range reports {
		s.state.Problems[i] = Problem{File: r.File, Line: r.Line, Col: r.Col, Message: r.Message,
			Hint: r.Hint, Snippet: r.Snippet, Warning: r.Severity == diag.Warning}
	}
	state := s.state
	for ch := range s.subscribers {
		select {
		case <-ch: // a slow page skips a state it has not read: only the latest matters
		default:
		}
		ch <- state
	}
	s.mu.Unlock()

	took := time.Since(start).Round(time.Millisecond)
	switch {
	case built != nil && changed == nil:
		fmt.Fprintf(s.log, "Built %d pages in %s\n", built.Pages, took)
	case built != nil:
		updated := fmt.Sprintf("%d changed", len(built.Updated))
		if built.UpdatedAll {
			updated = "all may have changed"
		}
		fmt.Fprintf(s.log, "Rebuilt in %s after %s: %d of %d pages rendered, %s\n", took, strings.Join(changed, ", "), built.Rendered, built.Pages, updated)
		if hadProblems && len(reports) == 0 {
			fmt.Fprintln(s.log, "The errors and warnings of the last build are cleared: none left.")
		}
	case state.Version > 0:
		fmt.Fprintf(s.log, "%s; still serving the last good site\n", diag.Count(problems, diag.Error))
	default:
		fmt.Fprintf(s.log, "%s; nothing to serve until the site builds\n", diag.Count(problems, diag.Error))
	}
	return err
}

// Close ends every open event stream, so the HTTP server can shut down.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ch := range s.subscribers {
		close(ch)
		delete(s.subscribers, ch)
	}
}

// HTTPServer returns an http.Server serving s with the given timeouts.
// Call it before serving: the event stream reads them.
func (s *Server) HTTPServer(t Timeouts) *http.Server {
	s.timeouts = t
	return &http.Server{Handler: s, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle}
}

// ServeHTTP serves the site, the live script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// On every answer, refusals and errors too: a page's own policy
	// replaces this one below.
	w.Header().Set("Content-Security-Policy", defaultPolicy)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.LoopbackOnly && !isLoopbackHost(r.Host) {
		http.Error(w, "gen serve answers only to localhost", http.StatusForbidden)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/_gen/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	case eventsPath:
		s.events(w, r)
		return
	}

	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	s.mu.Lock()
	data, ok := s.files[name]
	_, isFolder := s.files[path.Join(name, "index.html")]
	version := s.state.Version
	s.mu.Unlock()
	switch {
	case ok:
		if ctype := mime.TypeByExtension(path.Ext(name)); ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		if strings.HasSuffix(name, ".html") {
			if m := metaPolicy.FindSubmatch(data); m != nil {
				// What the built page enforces, so the preview allows no less.
				w.Header().Set("Content-Security-Policy", html.UnescapeString(string(m[1])))
			}
			data = withLiveScript(data, liveScript(version))
		}
		w.Write(data)
	case isFolder:
		http.Redirect(w, r, "/"+name+"/", http.StatusFound)
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>No page at %s. <a href=\"/\">Home</a></p>%s</body></html>",
			html.EscapeString(r.URL.Path), liveScript(version))
	}
}

// isLoopbackHost reports whether a Host header names this computer.
func isLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// withLiveScript adds the live script tag before </body>.
func withLiveScript(page []byte, liveScript string) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), liveScript...)
	}
	out := make([]byte, 0, len(page)+len(liveScript))
	out = append(out, page[:i]...)
	out = append(out, liveScript...)
	return append(out, page[i:]...)
}

// events streams the state to one page: now, and after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if _, ok := w.(http.Flusher); !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan State, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	s.subscribers[ch] = true
	ch <- s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.subscribers[ch] {
			delete(s.subscribers, ch)
		}
		s.mu.Unlock()
	}()

	// The stream stays open for as long as the page: the server's read and
	// write timeouts, meant for single requests, would end it. Instead
	// each message gets the write timeout, and a comment line goes out
	// every half of it, so a page that vanished without closing is noticed.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
	write := s.timeouts.Write
	var ping <-chan time.Time
	if write > 0 {
		ticker := time.NewTicker(write / 2)
		defer ticker.Stop()
		ping = ticker.C
	}
	send := func(message string) bool {
		if write > 0 {
			rc.SetWriteDeadline(time.Now().Add(write))
		}
		if _, err := io.WriteString(w, message); err != nil {
			return false
		}
		return rc.Flush() == nil
	}

	w.Header().Set("Content-Type", "text/event-stream")
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping:
			if !send(": ping\n\n") {
				return
			}
		case state, open := <-ch:
			if !open {
				return
			}
			data, _ := json.Marshal(state)
			if !send(fmt.Sprintf("data: %s\n\n", data)) {
				return
			}
		}
	}
}
