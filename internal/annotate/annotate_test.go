package annotate_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fakeResolver links every annotation to a predictable place.
type fakeResolver struct{}

func (fakeResolver) Link(a *annotate.Annotation) annotate.Link {
	if a.ID == "unknown" {
		return annotate.Link{}
	}
	l := annotate.Link{Href: string(a.Kind) + "s/" + a.ID + ".html", Title: "about " + a.ID}
	if a.Kind == annotate.Quote {
		l.Speaker = "Speaker " + a.ID
	}
	return l
}

// TestGolden renders each testdata/*.md and compares the HTML and the
// collected annotations with testdata/*.golden.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	conv := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true})
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			html, res, err := conv.Convert(src)
			if err != nil {
				t.Fatal(err)
			}
			got := html + "-- paragraphs --\n" + dumpParagraphs(res) + "-- annotations --\n" + dumpAnnotations(src, res)
			golden := strings.TrimSuffix(in, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/annotate -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s\n--- got ---\n%s\n--- want ---\n%s", golden, got, want)
			}
		})
	}
}

func dumpParagraphs(res *annotate.Result) string {
	var b strings.Builder
	for _, p := range res.Paragraphs {
		fmt.Fprintf(&b, "p%d @%d %q\n", p.N, p.Offset, p.Text)
	}
	return b.String()
}

func dumpAnnotations(src []byte, res *annotate.Result) string {
	var b strings.Builder
	for _, a := range res.Annotations {
		fmt.Fprintf(&b, "%s %q p%d @%d text=%q", a.Kind, a.ID, a.Para, a.Offset, a.Text)
		if len(a.Topics) > 0 {
			fmt.Fprintf(&b, " topics=%v", a.Topics)
		}
		// The offset must point at the annotation's opening bracket, and
		// the span at its words in the paragraph's text.
		if a.Offset < 0 || a.Offset >= len(src) || src[a.Offset] != '[' {
			fmt.Fprintf(&b, " BAD-OFFSET")
		}
		if a.Para > 0 {
			text := res.Paragraphs[a.Para-1].Text
			if a.End > len(text) || a.Start > a.End || strings.TrimSpace(text[a.Start:a.End]) != a.Text {
				fmt.Fprintf(&b, " BAD-SPAN[%d:%d]", a.Start, a.End)
			}
		}
		if a.QueryError != "" {
			fmt.Fprintf(&b, " query-error=%q", a.QueryError)
		}
		b.WriteByte('\n')
	}
	for _, s := range res.Suspects {
		fmt.Fprintf(&b, "suspect %q scheme=%q @%d\n", s.Text, s.Scheme, s.Offset)
	}
	return b.String()
}

func TestQuoteTopicsFromQuery(t *testing.T) {
	_, res, err := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true}).Convert([]byte(`He said [“No.”](quote:kellogg?topic=a,b&topic=c).`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Annotations) != 1 {
		t.Fatalf("got %d annotations, want 1", len(res.Annotations))
	}
	q := res.Annotations[0]
	if q.Kind != annotate.Quote || q.ID != "kellogg" || strings.Join(q.Topics, ",") != "a,b,c" || q.Text != "“No.”" {
		t.Errorf("got %+v", q)
	}
}

func TestRawHTMLIsDroppedUnlessOptedIn(t *testing.T) {
	src := []byte("Hello <script>alert(1)</script> [x](javascript:alert(1))\n")
	safe, _, _ := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true}).Convert(src)
	if strings.Contains(safe, "<script>") || strings.Contains(safe, "javascript:") {
		t.Errorf("raw HTML or a javascript: link got through:\n%s", safe)
	}
	unsafe, _, _ := markdown.New(markdown.Options{Resolver: fakeResolver{}, UnsafeHTML: true}).Convert(src)
	if !strings.Contains(unsafe, "<script>") {
		t.Errorf("unsafe_html should let raw HTML through:\n%s", unsafe)
	}
}

// BenchmarkConvert converts a paragraph of n annotations: time per op
// should double with n, not quadruple.
func BenchmarkConvert(b *testing.B) {
	conv := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true})
	for _, n := range []int{10_000, 20_000, 40_000} {
		var src strings.Builder
		for i := range n {
			if i%2 == 0 {
				fmt.Fprintf(&src, "[Actor %d](actor:a%d) and ", i%50, i%50)
			} else {
				fmt.Fprintf(&src, "[“words”](quote:q%d) ", i%7)
			}
		}
		b.Run(fmt.Sprintf("annotations=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := conv.Convert([]byte(src.String())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestQuoteTranslationFromQuery reads a quote's translation, written
// with spaces inside <…> or as +, beside its topics; one given twice or
// empty is a problem.
func TestQuoteTranslationFromQuery(t *testing.T) {
	for _, c := range []struct{ src, translation, topics, problem string }{
		{`[«Ні.»](<quote:z?topic=a&translation=No, we will not.>)`, "No, we will not.", "a", ""},
		{`[«Ні.»](quote:z?translation=No+%26+never.&topic=a,b)`, "No & never.", "a,b", ""},
		{`[«Ні.»](quote:z?translation=a&translation=b)`, "", "", "translation is given more than once"},
		{`[«Ні.»](quote:z?translation=)`, "", "", "translation is empty"},
	} {
		_, res, err := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true}).Convert([]byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Annotations) != 1 {
			t.Errorf("%s: %d annotations, want 1", c.src, len(res.Annotations))
			continue
		}
		q := res.Annotations[0]
		if q.Translation != c.translation || strings.Join(q.Topics, ",") != c.topics || q.QueryError != c.problem {
			t.Errorf("%s: translation %q, topics %q, problem %q; want %q, %q, %q", c.src, q.Translation, q.Topics, q.QueryError, c.translation, c.topics, c.problem)
		}
	}
}
