package linkcheck

import (
	"testing"
	"testing/fstest"
)

func TestCheckFindsEachKindOfBrokenLink(t *testing.T) {
	site := fstest.MapFS{
		"index.html": {Data: []byte(`<a href="a/index.html#p1">ok</a> <a href="a/index.html#p9">no anchor</a>
			<a href="b/index.html">no file</a> <a href="a/">folder</a> <a href="/a/index.html">absolute</a>
			<a href="../x.html">out</a> <a href="https://example.org/">external</a> <a href="#top">self</a>
			<img src="logo.svg"> <link rel="stylesheet" href="style.css"><p id="top"></p>`)},
		"a/index.html": {Data: []byte(`<p id="p1">One</p><a href="../index.html#top">back</a>`)},
		"style.css":    {Data: []byte(`p{}`)},
	}
	res, err := Check(site, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a/index.html#p9": true, "b/index.html": true, "a/": true, "/a/index.html": true, "../x.html": true, "logo.svg": true}
	if res.Pages != 2 || res.Links != 11 {
		t.Errorf("checked %d pages and %d links, want 2 and 11", res.Pages, res.Links)
	}
	for _, b := range res.Broken {
		if !want[b.Link] {
			t.Errorf("reported as broken but fine: %v", b)
		}
		delete(want, b.Link)
	}
	for link := range want {
		t.Errorf("not reported: %s", link)
	}
}

func TestOnly404PageMayUseTheSitePath(t *testing.T) {
	site := fstest.MapFS{
		"index.html": {Data: []byte(`<a href="/briefing/style.css">absolute</a>`)},
		"404.html":   {Data: []byte(`<a href="/briefing/style.css">fine here</a> <a href="/briefing/">home</a> <a href="/other/x.css">wrong root</a>`)},
		"style.css":  {Data: []byte(`p{}`)},
	}
	res, err := Check(site, "/briefing/")
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	for _, b := range res.Broken {
		broken = append(broken, b.Page+" "+b.Link)
	}
	if len(broken) != 2 || broken[0] != "404.html /other/x.css" || broken[1] != "index.html /briefing/style.css" {
		t.Errorf("broken: %v", broken)
	}
}
