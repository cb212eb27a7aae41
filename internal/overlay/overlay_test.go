package overlay

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestFirstLayerWinsAndListingsMerge(t *testing.T) {
	user := fstest.MapFS{"article.html": {Data: []byte("mine")}, "extra.html": {Data: []byte("extra")}}
	defaults := fstest.MapFS{"article.html": {Data: []byte("default")}, "base.html": {Data: []byte("base")}}
	o := FS{user, nil, defaults}
	for name, want := range map[string]string{"article.html": "mine", "base.html": "base", "extra.html": "extra"} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	entries, err := fs.ReadDir(o, ".")
	if err != nil || len(entries) != 3 {
		t.Fatalf("ReadDir: %d entries, %v", len(entries), err)
	}
	if _, err := o.Open("missing.html"); err == nil {
		t.Errorf("a name in no layer should not open")
	}
	if err := fstest.TestFS(o, "article.html", "base.html", "extra.html"); err != nil {
		t.Error(err)
	}
}
