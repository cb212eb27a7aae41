package suggest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/model"
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

// WriteActor starts content/actors/<id>.md under root with what the text
// said of a new actor, and returns its path. It never overwrites a file:
// one already there gives an error wrapping fs.ErrExist.
func WriteActor(root string, a NewActor) (string, error) {
	path := filepath.Join(root, "content", "actors", a.ID+".md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	var b strings.Builder
	b.WriteString("---\n# Proposed by gen annotate from the text: check the kind and the role.\n")
	fmt.Fprintf(&b, "name: %q\nkind: %s\n", a.Name, a.Kind)
	if a.Role != "" {
		fmt.Fprintf(&b, "role: %q\n", a.Role)
	}
	if len(a.Aliases) > 0 {
		quoted := make([]string, len(a.Aliases))
		for i, s := range a.Aliases {
			quoted[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&b, "aliases: [%s]\n", strings.Join(quoted, ", "))
	}
	b.WriteString("---\n")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return path, err
	}
	_, werr := f.WriteString(b.String())
	return path, errors.Join(werr, f.Close())
}
