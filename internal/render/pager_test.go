package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinksReachEveryPageInFewSteps(t *testing.T) {
	for _, c := range []struct {
		number, count int
		want          string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1] 2 3"},
		{5, 10, "1 … 3 4 [5] 6 7 … 10"},
		{1, 100, "[1] 2 3 … 100"},
		{100, 100, "1 … 98 99 [100]"},
		{4, 7, "1 2 3 [4] 5 6 7"},
	} {
		g := &Pager{Number: c.number, Count: c.count, folder: "articles/"}
		var got []string
		for _, l := range g.Links() {
			switch {
			case l.Number == 0:
				got = append(got, "…")
			case l.Current:
				got = append(got, fmt.Sprintf("[%d]", l.Number))
			default:
				got = append(got, fmt.Sprint(l.Number))
			}
			if l.Number > 0 && l.Path != PagePath("articles/", l.Number) {
				t.Errorf("page %d links %s", l.Number, l.Path)
			}
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("page %d of %d: links %s, want %s", c.number, c.count, s, c.want)
		}
	}
}

func TestPagePaths(t *testing.T) {
	g := &Pager{Number: 2, Count: 3, folder: "actors/x/mentions/"}
	if g.Prev() != "actors/x/mentions/index.html" || g.Next() != "actors/x/mentions/page/3/index.html" {
		t.Errorf("page 2 of 3: prev %s, next %s", g.Prev(), g.Next())
	}
	last := &Pager{Number: 3, Count: 3, folder: "articles/"}
	if last.Next() != "" || (&Pager{Number: 1, Count: 3}).Prev() != "" {
		t.Error("the first page has a previous one, or the last a next one")
	}
}

func TestPaginateCoversTheListOnce(t *testing.T) {
	list := make([]int, 251)
	for i := range list {
		list[i] = i
	}
	pages := paginate(Articles, "articles/", list, 100, func(*Page) {})
	if len(pages) != 3 {
		t.Fatalf("%d pages for 251 items at 100 a page", len(pages))
	}
	next := 0
	for i, p := range pages {
		for _, x := range p.Items.([]int) {
			if x != next {
				t.Fatalf("page %d holds %d where %d comes next", i+1, x, next)
			}
			next++
		}
		if g := p.Pager; g.Number != i+1 || g.Count != 3 || g.Total != 251 || g.First != i*100+1 {
			t.Errorf("page %d: %+v", i+1, *g)
		}
	}
	if next != len(list) {
		t.Errorf("the pages hold %d of %d items", next, len(list))
	}
	if empty := paginate(Articles, "articles/", []int{}, 100, func(*Page) {}); len(empty) != 1 || empty[0].Path != "articles/index.html" {
		t.Errorf("an empty index has %d pages", len(empty))
	}
}
