package render

import "github.com/briefing-gen/gen/internal/model"

// TextLang is the language of an article's words shown on a page in
// another: what the "lang" block writes as lang="…" and, where the
// direction differs from the page's, dir="…".
type TextLang struct {
	Tag string
	Dir string // "rtl" or "ltr"; "" when the page's own
}

// Lang is the language of item's words, an article or what one says (a
// quote, a passage, an event's title, a report, a citation's title), on
// this page; nil when they are in the site's language, which the page's
// <html lang> says already.
func (p *Page) Lang(item any) *TextLang {
	var a *model.Article
	switch x := item.(type) {
	case *model.Article:
		a = x
	case *model.Quote:
		a = x.Article
	case *model.Passage:
		a = x.Article
	case *model.Event:
		a = x.Titled()
	case *model.Report:
		a = x.Article
	case Citation:
		a = x.Article
	}
	site := p.Briefing.Site.LanguageTag
	if a == nil || !a.Lang.Differs(site) {
		return nil
	}
	l := &TextLang{Tag: a.Lang.Code}
	if a.Lang.RTL != site.RTL {
		l.Dir = a.Lang.Dir()
	}
	return l
}

// SiteDir is the direction of the site's language, for <html dir>: "rtl",
// or "" for left to right, which needs no attribute.
func (p *Page) SiteDir() string {
	if p.Briefing.Site.LanguageTag.RTL {
		return "rtl"
	}
	return ""
}
