package markdown

import (
	"bytes"
	"fmt"
)

// MaxNesting is how deep lists and block quotes may nest. goldmark checks
// each line against every block open around it, reading the line's
// indentation each time, so a list nested n deep costs about n³ steps
// (2,000 levels: 15 s or more); no briefing nests more than a few levels.
const MaxNesting = 100

// NestingError is Markdown nested deeper than MaxNesting, found before it
// is parsed.
type NestingError struct {
	Depth  int // the deepest nesting found (an upper bound)
	Offset int // where nesting first goes past MaxNesting
}

func (e *NestingError) Error() string {
	return fmt.Sprintf("lists and block quotes nested %d deep; gen allows at most %d", e.Depth, MaxNesting)
}

// Hint says what a writer can do about it.
func (e *NestingError) Hint() string {
	return fmt.Sprintf("flatten the list or quote: nesting past %d levels is almost always a slip, such as indentation pasted from elsewhere", MaxNesting)
}

// nesting bounds from above how deep lists and block quotes nest in src,
// in one pass and without parsing it, and says where the depth first goes
// past limit (-1 if it never does).
//
// On each line, the blocks it belongs to are those it continues and those
// it opens. A block quote is continued or opened by a '>' and a list item
// opened by a list marker; a list item is continued by indentation, at
// least two columns (its marker and a space) per level, and only those
// already open can be continued, at most as many as the deepest line so
// far (a lazy continuation line continues no block but closes none).
func nesting(src []byte, limit int) (depth, offset int) {
	offset = -1
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		indent, quotes, items, first := prefix(line)
		if first >= 0 { // not a blank line
			d := quotes + items + min(indent/2, depth)
			if d > limit && offset < 0 {
				offset = start + first
			}
			depth = max(depth, d)
		}
		start = end + 1
	}
	return depth, offset
}

// prefix reads the container markers that open line: the columns of
// indentation before its first list marker (less the space a '>' takes),
// the number of '>' and of list markers, and the offset of the first
// character that is not a space, -1 on a blank line. A line of three or
// more of the same bullet and nothing else ("- - -", "* * * *") is a
// thematic break, no list.
func prefix(line []byte) (indent, quotes, items, first int) {
	col, i := 0, 0
	first = -1
	afterQuote := false
	var bullet byte // the bullet of every list marker so far, or 0 if they differ
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			col += w
			if afterQuote { // the optional space after '>' belongs to it
				w--
				afterQuote = false
			}
			if items == 0 {
				indent += w
			}
			i++
			continue
		case first < 0:
			first = i
		}
		afterQuote = false
		if line[i] == '>' {
			quotes++
			afterQuote = true
			col++
			i++
			continue
		}
		n := listMarker(line[i:])
		if n == 0 {
			return indent, quotes, items, first
		}
		if items == 0 {
			bullet = line[i]
		}
		if line[i] != bullet || n != 1 {
			bullet = 0
		}
		items++
		col += n
		i += n
	}
	if items >= 3 && (bullet == '-' || bullet == '*') {
		items = 0
	}
	return indent, quotes, items, first
}

// listMarker is the length of the bullet (-, + or *) or ordered marker
// (up to nine digits and . or )) that line starts with, followed by a
// space, a tab or the line's end; 0 if it starts with none.
func listMarker(line []byte) int {
	n := 0
	switch {
	case line[0] == '-' || line[0] == '+' || line[0] == '*':
		n = 1
	case '0' <= line[0] && line[0] <= '9':
		for n < len(line) && n < 9 && '0' <= line[n] && line[n] <= '9' {
			n++
		}
		if n == len(line) || line[n] != '.' && line[n] != ')' {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}
