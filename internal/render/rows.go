package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// Rows are the lines of the long pages about the whole briefing (an
// article's line in the articles index, an actor's row of positions),
// which templates render with {{row "name" $page item}}. gen serve renders
// those pages again after every annotation edit, for one changed row or a
// few: a Renderer that keeps rows (KeepRows) renders each row through
// html/template once and shows it again until told the item changed
// (Forget).
//
// Blocks that are given an item and not the page, such as an article's
// outlet and date under every citation of it, cannot differ from page to
// page: {{once "name" $page item}} renders each once per kind of page and
// shows it again, in every build (a full build shows an outlet hundreds
// of times).
type rows struct {
	mu   sync.Mutex
	kept map[any]map[rowKey]template.HTML // by the item each row shows
	once map[any]map[rowKey]template.HTML // blocks of one item alone, always kept
}

type rowKey struct{ template, page string }

// KeepRows makes the Renderer keep rows for the next pages.
func (r *Renderer) KeepRows() {
	r.rows.mu.Lock()
	defer r.rows.mu.Unlock()
	if r.rows.kept == nil {
		r.rows.kept = map[any]map[rowKey]template.HTML{}
	}
}

// Forget drops the rows that show the items, which changed.
func (r *Renderer) Forget(items ...any) {
	r.rows.mu.Lock()
	defer r.rows.mu.Unlock()
	for _, item := range items {
		delete(r.rows.kept, item)
		delete(r.rows.once, item)
	}
}

// ForgetAll drops every row kept.
func (r *Renderer) ForgetAll() {
	r.rows.mu.Lock()
	defer r.rows.mu.Unlock()
	if r.rows.kept != nil {
		r.rows.kept = map[any]map[rowKey]template.HTML{}
	}
	r.rows.once = nil
}

// once renders the template name (of the page's own template set) for
// item alone, or shows it as rendered before for a page of the same kind.
func (r *Renderer) once(name string, p *Page, item any) (template.HTML, error) {
	if item != nil && !reflect.ValueOf(item).Comparable() {
		return "", fmt.Errorf("once %q: give it one item, such as an article or a date, not a list or a map", name)
	}
	key := rowKey{name, p.Kind}
	r.rows.mu.Lock()
	html, ok := r.rows.once[item][key]
	r.rows.mu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := r.pages[p.Kind].ExecuteTemplate(&buf, name, item); err != nil {
		return "", err
	}
	html = template.HTML(buf.String())
	r.rows.mu.Lock()
	if r.rows.once == nil {
		r.rows.once = map[any]map[rowKey]template.HTML{}
	}
	if r.rows.once[item] == nil {
		r.rows.once[item] = map[rowKey]template.HTML{}
	}
	r.rows.once[item][key] = html
	r.rows.mu.Unlock()
	return html, nil
}

// row renders the template name (of the page's own template set) for
// item on page p, or shows it as kept. Its output is html/template's,
// escaped for the body of an element, where rows go.
func (r *Renderer) row(name string, p *Page, item any) (template.HTML, error) {
	if item != nil && !reflect.ValueOf(item).Comparable() {
		return "", fmt.Errorf("row %q: give it one item, such as an article or an actor, not a list or a map", name)
	}
	key := rowKey{name, p.Path}
	r.rows.mu.Lock()
	keeping := r.rows.kept != nil
	html, ok := r.rows.kept[item][key]
	r.rows.mu.Unlock()
	if ok {
		return html, nil
	}
	buf := r.buffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooled {
			r.buffers.Put(buf)
		}
	}()
	buf.Reset()
	if err := r.pages[p.Kind].ExecuteTemplate(buf, name, WithPage{Page: p, Data: item}); err != nil {
		return "", err
	}
	html = template.HTML(buf.String())
	if keeping {
		r.rows.mu.Lock()
		if r.rows.kept[item] == nil {
			r.rows.kept[item] = map[rowKey]template.HTML{}
		}
		r.rows.kept[item][key] = html
		r.rows.mu.Unlock()
	}
	return html, nil
}
