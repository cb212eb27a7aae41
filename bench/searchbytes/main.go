// Command searchbytes measures what a search downloads: it serves a built
// site on loopback, counting the bytes of every response, opens it in
// headless Chromium, searches for each word given, and prints the bytes
// and requests each search took (HTML pages apart) and the time until the
// first results showed.
//
//	go run ./bench/searchbytes -site /tmp/c10k-search/public minister actor 9876
//	go run ./bench/searchbytes -site /tmp/c10k-search/public -pagefind minister
//	go run ./bench/searchbytes -site /tmp/c10k-search/public -disk minister
//
// With -disk it opens the search page from the folder (file://) and
// reports only the time; nothing is served to count.
// With -pagefind it searches the site's pagefind/ folder (written by
// `npx pagefind --site DIR`) the way Pagefind's own UI does: load
// pagefind.js, init, search, and load the data of the first ten results.
// Every search starts in a fresh tab with an empty cache.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// pagefindPage runs a search with Pagefind's API, as its UI would.
const pagefindPage = `<!DOCTYPE html><meta charset="utf-8"><title>pagefind</title><ol id="out"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pf = await import("/pagefind/pagefind.js");
await pf.init();
const r = await pf.search(q);
const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
for (const d of data) { const li = document.createElement("li"); li.innerHTML = d.excerpt; out.appendChild(li); }
document.title = "done " + r.results.length;
</script>`

type counter struct {
	mu       sync.Mutex
	bytes    int64
	html     int64
	requests int
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}

func main() {
	site := flag.String("site", "", "the built site's folder")
	pagefind := flag.Bool("pagefind", false, "search with the site's pagefind/ index instead of gen's")
	disk := flag.Bool("disk", false, "open gen's search page from disk (file://), timing it only")
	chromium := flag.String("chromium", "chromium", "the browser")
	flag.Parse()
	if *site == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: searchbytes -site DIR [-pagefind] word...")
		os.Exit(2)
	}
	var c counter
	files := http.FileServer(http.Dir(*site))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		cw := &countingWriter{ResponseWriter: w}
		if r.URL.Path == "/pagefind-search.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			cw.Write([]byte(pagefindPage))
		} else {
			files.ServeHTTP(cw, r)
		}
		c.mu.Lock()
		if strings.HasSuffix(r.URL.Path, ".html") || strings.HasSuffix(r.URL.Path, "/") {
			c.html += cw.n
		} else {
			c.bytes += cw.n
			c.requests++
		}
		c.mu.Unlock()
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go http.Serve(ln, handler)
	base := "http://" + ln.Addr().String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(*chromium), chromedp.NoSandbox)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	for _, word := range flag.Args() {
		ctx, cancelTab := chromedp.NewContext(alloc)
		if err := chromedp.Do(ctx); err != nil { // start the browser before counting
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		c.mu.Lock()
		c.bytes, c.html, c.requests = 0, 0, 0
		c.mu.Unlock()
		page, ready := base+"/search/index.html?q="+word, `document.querySelectorAll("#search-results li").length > 0`
		if *pagefind {
			page, ready = base+"/pagefind-search.html?q="+word, `document.title.startsWith("done")`
		}
		if *disk {
			abs, _ := filepath.Abs(*site)
			page = "file://" + filepath.ToSlash(abs) + "/search/index.html?q=" + word
		}
		start := time.Now()
		err := chromedp.Do(ctx, chromedp.Navigate(page))
		for err == nil {
			var ok bool
			ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
			if ok || time.Since(start) > 120*time.Second {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		took := time.Since(start)
		time.Sleep(300 * time.Millisecond) // anything still loading is counted
		if err != nil {
			fmt.Fprintln(os.Stderr, word, err)
			os.Exit(1)
		}
		if *disk {
			fmt.Printf("%-12s from disk, results after %4d ms\n", word, took.Milliseconds())
			cancelTab()
			continue
		}
		c.mu.Lock()
		fmt.Printf("%-12s %8.1f KB in %3d requests (HTML page %5.1f KB apart), results after %4d ms\n",
			word, float64(c.bytes)/1024, c.requests, float64(c.html)/1024, took.Milliseconds())
		c.mu.Unlock()
		cancelTab()
	}
}
