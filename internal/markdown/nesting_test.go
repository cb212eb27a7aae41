package markdown

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// deepest is how deep goldmark nests list items and block quotes in src.
func deepest(t *testing.T, src string) int {
	t.Helper()
	doc := New(Options{}).md.Parser().Parse(text.NewReader([]byte(src)))
	most := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		d := 0
		for p := ast.Node(n); p != nil; p = p.Parent() {
			if p.Kind() == ast.KindListItem || p.Kind() == ast.KindBlockquote {
				d++
			}
		}
		most = max(most, d)
		return ast.WalkContinue, nil
	})
	return most
}

// nested writes n levels, each opened by open(level) on its own line after
// the indentation the levels above it need.
func nested(n int, open func(level int) (indent, marker string)) string {
	var b strings.Builder
	prefix := ""
	for i := range n {
		indent, marker := open(i)
		prefix += indent
		fmt.Fprintf(&b, "%s%s item %d\n", prefix, marker, i)
		prefix += strings.Repeat(" ", len(marker)+1-len(indent)) // to the item's text
		if strings.HasPrefix(marker, ">") {
			prefix = prefix[:len(prefix)-len(marker)-1] + "> "
		}
	}
	return b.String()
}

func TestNestingCountsListsAndQuotesAsGoldmarkDoes(t *testing.T) {
	shapes := map[string]string{
		"bullets":         nested(30, func(int) (string, string) { return "", "-" }),
		"ordered":         nested(30, func(i int) (string, string) { return "", []string{"1.", "1)"}[i%2] }),
		"quotes":          strings.Repeat("> ", 30) + "deep\n",
		"quoted lines":    "> a\n> > b\n> > > c\n> > > > d\n",
		"items on a line": strings.Repeat("- ", 30) + "x\n",
		"quote in items":  "- a\n  > b\n  > - c\n  >   > d\n",
		"tabs":            "- a\n\t- b\n\t\t- c\n\t\t\t- d\n",
		"lazy and blank":  "- a\n  - b\n    - c\nlazy\n\n      - d\n",
		"thematic break":  "- a\n\n" + strings.Repeat("- ", 150) + "\n\n" + strings.Repeat("* ", 150) + "\n",
		"not a break":     strings.Repeat("- ", 20) + "+\n" + strings.Repeat("* ", 2) + "\n",
		"plain":           "Text.\n\n    indented code\n                                        far in\n",
	}
	for name, src := range shapes {
		got, _ := nesting([]byte(src), MaxNesting)
		if want := deepest(t, src); got != want {
			t.Errorf("%s: nesting says %d, goldmark nests %d deep:\n%s", name, got, want, src)
		}
	}
}

func TestNestingIsAnUpperBound(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"- ", "* ", "1. ", "12) ", "> ", ">", "  ", "    ", "\t", "text", "-text", "```", "\n", "\n\n", "---"}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := b.String()
		if got, want := func() (int, int) { d, _ := nesting([]byte(src), MaxNesting); return d, deepest(t, src) }(); got < want {
			t.Fatalf("nesting says %d, goldmark nests %d deep in %q", got, want, src)
		}
	}
}

func TestConvertRefusesNestingPastTheLimit(t *testing.T) {
	c := New(Options{})
	list := func(n int) string { return nested(n, func(int) (string, string) { return "", "-" }) }
	if _, _, err := c.Convert([]byte(list(MaxNesting))); err != nil {
		t.Fatalf("%d levels should convert: %v", MaxNesting, err)
	}
	src := list(2000)
	_, _, err := c.Convert([]byte(src))
	var deep *NestingError
	if !errors.As(err, &deep) {
		t.Fatalf("2,000 levels: got %v, want a NestingError", err)
	}
	if deep.Depth != 2000 || !strings.HasPrefix(src[deep.Offset:], fmt.Sprintf("- item %d\n", MaxNesting)) {
		t.Errorf("got depth %d at %q, want 2000 at the item of level %d", deep.Depth, src[deep.Offset:deep.Offset+20], MaxNesting+1)
	}
}

// BenchmarkNestedLists converts about 1 MB of lists nested depth deep, up
// to the limit: the cost per byte grows with the depth, which MaxNesting
// bounds. At depth=2000 Convert refuses the list, after a linear check.
func BenchmarkNestedLists(b *testing.B) {
	c := New(Options{})
	for _, depth := range []int{25, 50, 100, 2000} {
		one := nested(depth, func(int) (string, string) { return "", "-" })
		src := []byte(strings.Repeat(one+"\n", max(1, (1<<20)/len(one))))
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				_, _, err := c.Convert(src)
				if (err != nil) != (depth > MaxNesting) {
					b.Fatal(err)
				}
			}
		})
	}
}
