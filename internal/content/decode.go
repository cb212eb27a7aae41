package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// place is where a value is written: the byte offsets in the document of
// the key naming it and of its text, and the places of the fields of a
// table and of the items of a list.
type place struct {
	key, value int
	fields     []field
	items      []*place
}

type field struct {
	name string
	at   *place
}

// field is the place of the named field, the last one written when the
// decoder kept the last of repeated keys (JSON); nil when there is none.
func (p *place) field(name string) *place {
	for i := len(p.fields) - 1; i >= 0; i-- {
		if p.fields[i].name == name {
			return p.fields[i].at
		}
	}
	return nil
}

func (p *place) add(name string, at *place) {
	p.fields = append(p.fields, field{name, at})
}

// decodeError is a problem the decoder found, at a byte offset in the
// front matter, with its message stripped of the decoder's own position.
type decodeError struct {
	offset int
	msg    string
}

// decode decodes front matter that starts at byte base of its file. The
// fields' values come from the format's decoder and their places from the
// same decoder's parser, as offsets in the file.
func decode(format string, data []byte, base int) (map[string]any, *place, *decodeError) {
	var fields map[string]any
	var root *place
	var err *decodeError
	switch format {
	case "YAML":
		fields, root, err = decodeYAML(data, base)
	case "TOML":
		fields, root, err = decodeTOML(data, base)
	case "JSON":
		fields, root, err = decodeJSON(data, base)
	}
	if fields == nil { // an empty YAML document, or an error
		fields = map[string]any{}
	}
	if root == nil {
		root = &place{}
	}
	root.value = base // a problem with the front matter as a whole is at its start
	return fields, root, err
}

// decodeYAML parses data once into a node tree, which gives the places,
// then decodes the tree into values.
func decodeYAML(data []byte, base int) (map[string]any, *place, *decodeError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// "yaml: line N: message"; the parser reports no column.
		line, msg := yamlLine(strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, nil, &decodeError{offsetAt(data, line, 1), msg}
	}
	if len(doc.Content) == 0 {
		return nil, nil, nil
	}
	top := doc.Content[0]
	fields := map[string]any{}
	if err := top.Decode(&fields); err != nil {
		var typeErr *yaml.TypeError
		switch {
		case top.Kind != yaml.MappingNode:
			w := yamlWalk{data: data}
			return nil, nil, &decodeError{w.offset(top.Line, top.Column), "front matter must be fields (key: value), not a list or text"}
		case errors.As(err, &typeErr):
			// "line N: mapping key "title" already defined at line M"
			line, msg := yamlLine(typeErr.Errors[0])
			return nil, nil, &decodeError{offsetAt(data, line, 1), msg}
		}
		return nil, nil, &decodeError{0, strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	w := yamlWalk{data: data, base: base}
	return fields, w.place(top), nil
}

// yamlWalk turns the YAML nodes' lines and columns (counting runes) into
// byte offsets. Nodes come in the order they are written, so it moves
// forward from the last one.
type yamlWalk struct {
	data            []byte
	base            int
	line, col, from int     // from is the offset of line and col, once set
	spare           []place // allocated together, a few dozen per front matter
}

func (w *yamlWalk) offset(line, col int) int {
	if w.line == 0 || line < w.line || line == w.line && col < w.col {
		w.line, w.col, w.from = 1, 1, 0
	}
	for ; w.line < line; w.line, w.col = w.line+1, 1 {
		nl := bytes.IndexByte(w.data[w.from:], '\n')
		if nl < 0 {
			return len(w.data)
		}
		w.from += nl + 1
	}
	for ; w.col < col && w.from < len(w.data) && w.data[w.from] != '\n'; w.col++ {
		_, size := utf8.DecodeRune(w.data[w.from:])
		w.from += size
	}
	return w.from
}

// place is the place of node n. A value written as an alias is located
// at the alias, with no places inside it.
func (w *yamlWalk) place(n *yaml.Node) *place {
	if len(w.spare) == 0 {
		w.spare = make([]place, 32)
	}
	p := &w.spare[0]
	w.spare = w.spare[1:]
	p.value = w.base + w.offset(n.Line, n.Column)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			p.value++ // to the text inside the quotes
		}
	case yaml.MappingNode:
		p.fields = make([]field, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				continue // merged fields are located at the enclosing value
			}
			key := w.base + w.offset(k.Line, k.Column)
			at := w.place(n.Content[i+1])
			at.key = key
			p.add(k.Value, at)
		}
	case yaml.SequenceNode:
		p.items = make([]*place, 0, len(n.Content))
		for _, item := range n.Content {
			p.items = append(p.items, w.place(item))
		}
	}
	return p
}

// yamlLine splits the YAML decoder's "line N: message" into N and the
// message.
func yamlLine(msg string) (int, string) {
	line := 1
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
		_, msg, _ = strings.Cut(msg, ": ")
	}
	return line, msg
}

// decodeTOML decodes data into values, then parses it again with the
// decoder's own parser for the places of keys and values.
func decodeTOML(data []byte, base int) (map[string]any, *place, *decodeError) {
	fields := map[string]any{}
	if err := toml.Unmarshal(data, &fields); err != nil {
		var decodeErr *toml.DecodeError
		if !errors.As(err, &decodeErr) {
			return nil, nil, &decodeError{0, err.Error()}
		}
		line, col := decodeErr.Position() // col counts bytes
		return nil, nil, &decodeError{offsetAt(data, line, col), strings.TrimPrefix(decodeErr.Error(), "toml: ")}
	}
	return fields, tomlPlaces(data, base), nil
}

// tomlPlaces follows TOML's expressions: key = value lines go into the
// table of the latest [table] or [[array of tables]] header.
func tomlPlaces(data []byte, base int) *place {
	t := tomlWalk{data: data, base: base}
	root := &place{}
	table := root
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			t.keyValue(table, e)
		case unstable.Table, unstable.ArrayTable:
			table = t.header(root, e)
		}
	}
	return root
}

type tomlWalk struct {
	data []byte
	base int
}

func (t tomlWalk) offset(n *unstable.Node) int { return int(n.Raw.Offset) }

// header finds the table a [table] or [[array of tables]] header opens,
// adding an item to the array for the latter. The table is located at
// the header's opening bracket.
func (t tomlWalk) header(root *place, e *unstable.Node) *place {
	at := -1
	table := root
	keys := e.Key()
	for keys.Next() {
		k := keys.Node()
		if at < 0 {
			at = t.offset(k)
			for at > 0 && (t.data[at-1] == '[' || t.data[at-1] == ' ' || t.data[at-1] == '\t') {
				at--
			}
			at += t.base
		}
		name := string(k.Data)
		next := table.field(name)
		if next == nil {
			next = &place{key: t.base + t.offset(k), value: at}
			table.add(name, next)
		}
		if keys.IsLast() {
			if e.Kind == unstable.ArrayTable {
				item := &place{value: at}
				next.items = append(next.items, item)
				return item
			}
			return next
		}
		if n := len(next.items); n > 0 {
			next = next.items[n-1] // [a.b] after [[a]] is in a's latest table
		}
		table = next
	}
	return table
}

// keyValue adds the places of a key = value expression to table; a
// dotted key a.b = v goes through the table a.
func (t tomlWalk) keyValue(table *place, e *unstable.Node) {
	keys := e.Key()
	for keys.Next() {
		k := keys.Node()
		name := string(k.Data)
		if keys.IsLast() {
			// The value follows the key's last part, blanks and '='.
			after := t.offset(k) + int(k.Raw.Length)
			for after < len(t.data) && bytes.IndexByte([]byte(" \t="), t.data[after]) >= 0 {
				after++
			}
			v := t.value(e.Value(), t.base+after)
			v.key = t.base + t.offset(k)
			table.add(name, v)
			return
		}
		next := table.field(name)
		if next == nil {
			next = &place{key: t.base + t.offset(k), value: t.base + t.offset(k)}
			table.add(name, next)
		}
		table = next
	}
}

// value is the place of v, which starts at byte at of the file. The
// parser keeps no range for a list, so a list inside a list is located
// at the enclosing list.
func (t tomlWalk) value(v *unstable.Node, at int) *place {
	switch v.Kind {
	case unstable.Array:
		p := &place{value: at}
		items := v.Children()
		for items.Next() {
			p.items = append(p.items, t.value(items.Node(), at))
		}
		return p
	case unstable.InlineTable:
		p := &place{value: t.base + t.offset(v)}
		kvs := v.Children()
		for kvs.Next() {
			t.keyValue(p, kvs.Node())
		}
		return p
	}
	start := t.offset(v)
	if raw := t.data[start : start+int(v.Raw.Length)]; v.Kind == unstable.String && len(raw) > 0 {
		// To the text inside the quotes: one, or three for a multi-line string.
		if quote := raw[:1]; bytes.HasPrefix(raw, bytes.Repeat(quote, 3)) {
			start += 3
		} else {
			start++
		}
	}
	return &place{value: t.base + start}
}

// decodeJSON decodes data into values, then reads its tokens again for
// the places of keys and values.
func decodeJSON(data []byte, base int) (map[string]any, *place, *decodeError) {
	fields := map[string]any{}
	if err := json.Unmarshal(data, &fields); err != nil {
		var syntaxErr *json.SyntaxError
		if errors.As(err, &syntaxErr) {
			// The decoder's offset is just past the offending byte.
			return nil, nil, &decodeError{max(int(syntaxErr.Offset)-1, 0), syntaxErr.Error()}
		}
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, nil, &decodeError{0, "front matter must be a set of fields in { }"}
		}
		return nil, nil, &decodeError{0, err.Error()}
	}
	w := jsonWalk{dec: json.NewDecoder(bytes.NewReader(data)), data: data, base: base}
	tok, at, err := w.next()
	if err != nil {
		return fields, nil, nil
	}
	return fields, w.value(tok, at), nil
}

type jsonWalk struct {
	dec  *json.Decoder
	data []byte
	base int
}

// next reads a token and the offset of its first byte: the decoder stops
// after a token, before the blanks, comma or colon leading to the next.
func (w jsonWalk) next() (json.Token, int, error) {
	at := int(w.dec.InputOffset())
	for at < len(w.data) && bytes.IndexByte([]byte(" \t\r\n,:"), w.data[at]) >= 0 {
		at++
	}
	tok, err := w.dec.Token()
	return tok, at, err
}

// value is the place of the value that starts with tok at byte at. The
// data decoded already, so a token error only ends the walk early.
func (w jsonWalk) value(tok json.Token, at int) *place {
	p := &place{value: w.base + at}
	switch tok {
	case json.Delim('{'):
		for w.dec.More() {
			key, keyAt, err := w.next()
			if err != nil {
				return p
			}
			tok, valueAt, err := w.next()
			name, isText := key.(string)
			if err != nil || !isText {
				return p
			}
			v := w.value(tok, valueAt)
			v.key = w.base + keyAt
			p.add(name, v)
		}
		_, _ = w.dec.Token() // the closing brace
	case json.Delim('['):
		for w.dec.More() {
			tok, itemAt, err := w.next()
			if err != nil {
				return p
			}
			p.items = append(p.items, w.value(tok, itemAt))
		}
		_, _ = w.dec.Token() // the closing bracket
	default:
		if _, isText := tok.(string); isText {
			p.value++ // to the text inside the quotes
		}
	}
	return p
}

// offsetAt is the byte offset in data of a 1-based line and column, the
// column counting bytes.
func offsetAt(data []byte, line, col int) int {
	at := 0
	for ; line > 1; line-- {
		nl := bytes.IndexByte(data[at:], '\n')
		if nl < 0 {
			return len(data)
		}
		at += nl + 1
	}
	return min(at+max(col-1, 0), len(data))
}
