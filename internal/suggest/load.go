package suggest

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"briefing/internal/content"
	"briefing/internal/diag"
	"briefing/internal/model"
)

// Load reads the actors and topics of the project in fsys (its
// content/actors/ and content/topics/), decoding them as a build does,
// with the build's messages for what is wrong in them.
func Load(fsys fs.FS, list *diag.List) (actors []*model.Actor, topics []*model.Topic) {
	for _, folder := range []string{"actors", "topics"} {
		dir := path.Join("content", folder)
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			continue // a project may have no actors or topics yet
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			id, ok := strings.CutSuffix(e.Name(), ".md")
			if !ok || e.IsDir() {
				continue
			}
			name := path.Join(dir, e.Name())
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				list.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "", "cannot read %v", err)
				continue
			}
			doc := content.Parse(name, src, list)
			if folder == "actors" {
				actors = append(actors, model.DecodeActor(doc, id, list))
			} else {
				topics = append(topics, model.DecodeTopic(doc, id, list))
			}
		}
	}
	return actors, topics
}

// Read parses an article for Suggest, with the build's messages for what
// is wrong in its front matter.
func Read(name string, src []byte, list *diag.List) Input {
	doc := content.Parse(name, src, list)
	slug := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), ".md")
	a := model.DecodeArticle(doc, slug, list)
	return Input{Path: name, Src: doc.Src, BodyOffset: doc.BodyOffset, Published: a.Published, NotMentions: a.NotMentions()}
}
