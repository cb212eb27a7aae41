// Package linkcheck checks a built site the way a reader would find it:
// every internal link, image, stylesheet and script must lead to a file in
// the site, and every #fragment to an element with that id.
package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Broken is one link that does not resolve.
type Broken struct {
	Page   string // the page holding the link, slash-separated
	Link   string // as written
	Reason string
}

func (b Broken) String() string { return fmt.Sprintf("%s: %q: %s", b.Page, b.Link, b.Reason) }

// Result is what a check found.
type Result struct {
	Pages, Links int
	Broken       []Broken
}

// Check reads every .html file in site and checks its links. Links must
// be relative, so the site works from disk and under any path, except in
// 404.html: a server shows it for a missing page at any depth, so its
// links start with root, the path of the site's address ("/briefing/").
func Check(site fs.FS, root string) (Result, error) {
	var res Result
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		f, err := site.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		res.Pages++
		ids[p] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[p][a.Val] = true
				case "href", "src":
					links[p] = append(links[p], a.Val)
				}
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	pages := make([]string, 0, len(links))
	for p := range links {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for _, page := range pages {
		for _, link := range links[page] {
			if reason := check(site, ids, page, link, root); reason != "" {
				res.Broken = append(res.Broken, Broken{Page: page, Link: link, Reason: reason})
			}
			res.Links++
		}
	}
	return res, nil
}

// check says why link on page is broken, or "" when it resolves or leads
// out of the site.
func check(site fs.FS, ids map[string]map[string]bool, page, link, root string) string {
	u, err := url.Parse(link)
	if err != nil {
		return "not a valid address"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: not this check's business
	}
	target := page
	switch {
	case u.Path == "":
		// a #fragment of this page
	case path.Base(page) == "404.html" && strings.HasPrefix(u.Path, root):
		target = path.Clean(strings.TrimPrefix(u.Path, root))
		if target == "." || strings.HasSuffix(u.Path, "/") {
			target = path.Join(target, "index.html") // a server's way; this page is only ever served
		}
	case strings.HasPrefix(u.Path, "/"):
		return "absolute path: breaks under a sub-path and from disk"
	default:
		target = path.Join(path.Dir(page), u.Path)
		if target == ".." || strings.HasPrefix(target, "../") {
			return "leads out of the site"
		}
	}
	if info, err := fs.Stat(site, target); err != nil {
		return "no such file"
	} else if info.IsDir() {
		return "a folder, which does not open from disk: link to its index.html"
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
		return fmt.Sprintf("no element with id %q in %s", u.Fragment, target)
	}
	return ""
}
