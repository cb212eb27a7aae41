package suggest

import (
	"fmt"
	"strings"
)

// Diff is a unified diff, with three lines of context, from old to new,
// files that have the same number of lines (annotating adds no line
// breaks), labelled a/name and b/name as git and patch -p1 expect.
// Equal files give "".
func Diff(name string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	if len(a) != len(b) {
		panic("suggest.Diff: the files differ in their number of lines")
	}
	var changed []int
	for i := range a {
		if a[i] != b[i] {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return ""
	}
	const context = 3
	var out strings.Builder
	name = strings.TrimPrefix(name, "/")
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for i := 0; i < len(changed); {
		j := i
		for j+1 < len(changed) && changed[j+1]-changed[j] <= 2*context {
			j++
		}
		from, to := max(changed[i]-context, 0), min(changed[j]+context+1, len(a))
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(from, to), hunkRange(from, to))
		next := i
		for k := from; k < to; k++ {
			if next <= j && changed[next] == k {
				writeLine(&out, '-', a[k])
				writeLine(&out, '+', b[k])
				next++
				continue
			}
			writeLine(&out, ' ', a[k])
		}
		i = j + 1
	}
	return out.String()
}

func hunkRange(from, to int) string {
	if to-from == 1 {
		return fmt.Sprint(from + 1)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

// splitLines splits text after each newline; a last line without one
// stays as it is, and writeLine marks it.
func splitLines(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func writeLine(out *strings.Builder, mark byte, line string) {
	out.WriteByte(mark)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}
