package model

import (
	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/diag"
)

// CheckDraftEvents reports, with the severity given, each reference a
// published article makes to an event that only drafts declare (no
// published article and no file of content/events/): once the drafts are
// left out, the reference points at nothing. A newsroom does not let a
// published story lean on an unpublished one, so gen build makes this an
// error naming the draft; gen serve, which shows the drafts, warns. It
// returns those events' ids with a draft that declares each, which
// LinkWithDrafts is given so that it does not report them again as
// unknown. Call it on decoded articles with their bodies set, before
// linking.
func CheckDraftEvents(articles []*Article, files []*Event, severity diag.Severity, list *diag.List) map[string]*Article {
	public := map[string]bool{}
	for _, e := range files {
		public[e.ID] = true
	}
	withheld := map[string]*Article{}
	for _, a := range articles {
		for _, e := range a.declared {
			switch {
			case !a.Draft:
				public[e.ID] = true
			case withheld[e.ID] == nil:
				withheld[e.ID] = a
			}
		}
	}
	for id := range public {
		delete(withheld, id)
	}
	for _, a := range articles {
		if a.Draft {
			continue
		}
		for _, an := range a.annotations {
			draft := withheld[an.ID]
			if an.Kind != annotate.Event || draft == nil {
				continue
			}
			pos := a.doc.Lines.Pos(a.doc.BodyOffset + an.Offset)
			hint := "publish the draft (remove its draft: true), declare the event in this article too, or drop the reference; gen build -drafts builds the drafts as well"
			list.Add(diag.Diagnostic{File: pos.File, Line: pos.Line, Col: pos.Col, Severity: severity, Hint: hint,
				Message: "event \"" + an.ID + "\" is declared only by the draft content/articles/" + draft.Slug + ".md, which gen build leaves out"})
		}
	}
	return withheld
}

// RefersToDrafts reports whether a, a published article, references an
// event that one of drafts declares: what CheckDraftEvents says of it
// depends on the other articles, so gen serve links the briefing again
// rather than take an edit of it in place.
func RefersToDrafts(a *Article, drafts []*Article) bool {
	if a.Draft || len(drafts) == 0 {
		return false
	}
	declared := map[string]bool{}
	for _, d := range drafts {
		for _, e := range d.declared {
			declared[e.ID] = true
		}
	}
	for _, an := range a.annotations {
		if an.Kind == annotate.Event && declared[an.ID] {
			return true
		}
	}
	return false
}
