package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/briefing-gen/gen/internal/serve"
	"github.com/briefing-gen/gen/internal/site"
)

// batchQuiet is how long the watcher waits for an editor to finish saving.
const batchQuiet = 40 * time.Millisecond

func serveCmd(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("serve", `Usage: gen serve [-root DIR] [-addr HOST:PORT] [-drafts=false]

Builds the briefing and serves it from memory, rebuilding when a file under
content/, templates/ or static/ (or site.toml) changes. Open pages reload
by themselves; when the content has an error, they show it over the last
good version of the site. Nothing is written to public/. Articles marked
draft: true are shown, with a Draft banner, unless -drafts=false.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder` holding site.toml and content/")
	addr := flags.String("addr", "127.0.0.1:8080", "`address` to listen on; only this computer can connect unless you give another host")
	drafts := flags.Bool("drafts", true, "show the articles marked draft: true; -drafts=false shows the site as gen build makes it")
	if code := parse(flags, args, 0); code >= 0 {
		return code
	}

	project, err := newProject(*root)
	if err != nil {
		fmt.Fprintf(stderr, "gen serve: %v\n", err)
		return 1
	}
	if *drafts {
		project.Drafts = site.ShowDrafts
	}
	if info, err := os.Stat(filepath.Join(*root, "content")); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "gen serve: %s has no content folder, so it is not a briefing project: run gen serve in one, or point -root at one\n", *root)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(stderr, "gen serve: %s is already in use: stop the other server, or pick another port with -addr 127.0.0.1:8081\n", *addr)
		} else {
			fmt.Fprintf(stderr, "gen serve: %v\n", err)
		}
		return 1
	}
	server := serve.New(project, stderr)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "gen serve: warning: listening on %s, so other computers on the network can read the site\n", ln.Addr())
	} else {
		server.LoopbackOnly = true
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// Watch first, so a save during the first build is not missed.
	changes, err := serve.Watch(ctx, *root, batchQuiet)
	if err != nil {
		fmt.Fprintf(stderr, "gen serve: watching %s: %v\n", *root, err)
		return 1
	}
	server.Rebuild(nil) // errors show in the terminal and the browser; serving starts anyway
	httpServer := server.HTTPServer(serve.DefaultTimeouts())
	go httpServer.Serve(ln)
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", *root, ln.Addr())

	for batch := range changes {
		server.Rebuild(batch)
	}
	// Ctrl-C: close the event streams, then let requests in flight finish.
	server.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	httpServer.Shutdown(shutdown)
	fmt.Fprintln(stdout, "Stopped.")
	return 0
}
