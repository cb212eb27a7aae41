// Package scaffold starts new content files: every documented front matter
// field, each with a comment saying what it is for, so a writer fills in a
// form instead of looking up the reference.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/model"
)

// ErrExists is returned when the file is already there.
var ErrExists = errors.New("already exists")

// New writes content/<kind>s/<id>.md under root and returns its path. It
// refuses invalid ids and never overwrites.
func New(root, kind, id string, today time.Time) (string, error) {
	form := formFor(kind)
	if form == "" {
		return "", fmt.Errorf("unknown kind %q: use article, actor or topic", kind)
	}
	if !model.ValidID(id) {
		return "", fmt.Errorf("%q is not a valid id: use lowercase letters a-z, digits and hyphens, like \"scott-bessent\"", id)
	}
	path := filepath.Join(root, "content", kind+"s", id+".md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return path, fmt.Errorf("%s %w; edit it, or choose another id", path, ErrExists)
	}
	if err != nil {
		return "", err
	}
	text := strings.NewReplacer("{{title}}", titleOf(id), "{{today}}", today.Format("2006-01-02"), "{{id}}", id).Replace(form)
	_, werr := f.WriteString(text)
	if err := errors.Join(werr, f.Close()); err != nil {
		return "", err
	}
	return path, nil
}

// titleOf turns an id into words: "scott-bessent" gives "Scott Bessent".
func titleOf(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// formFor is the file New writes for a kind, "" for an unknown kind.
func formFor(kind string) string {
	switch kind {
	case "article":
		return articleForm
	case "actor":
		return actorForm
	case "topic":
		return topicForm
	}
	return ""
}

const articleForm = `---
# The headline.
title: "{{title}}"
# The publication it appeared in.
source: ""
# The address of the original (http:// or https://), if known.
url: ""
# When it was published, as precisely as known: "2025", "2025-02",
# "2025-02-14" or "~2025-02". Keep the quotes.
published: "{{today}}"
# Who wrote it, if known: [Jane Doe, John Roe]
authors: []
# One or two sentences, shown in lists of articles.
summary: ""
# The dated events the article reports. Reference each in the text as
# [the words that report it](event:its-id). A date can be "2025-02-14",
# "2025-02", "2025", a range "2025-02-14/2025-02-16", "~2025-02", or
# "pending" for an expected event with no date yet. To add one, remove the
# # from the lines below.
events:
#  - id: {{id}}-event
#    date: "{{today}}"
#    title: What happened
#    actors: [actor-id]
#    topics: [topic-id]
---
<!--
Paste the article's text below, one paragraph per paragraph, and annotate it:
  [Zelensky](actor:zelensky)                 a mention of an actor
  [rare earth minerals](topic:minerals-deal) a mention of a topic
  [“It will work.”](quote:zelensky)          a quotation and its speaker
  [during his visit](event:bessent-kyiv-visit) a reference to an event above
docs/authoring.md has the details.
-->
`

const actorForm = `---
# The name to show, spelled correctly.
name: "{{title}}"
# One of: person, government, organisation, group, anonymous.
kind: person
# A short role, such as "US Treasury Secretary".
role: ""
# The id of the actor this one belongs to, such as a government; or leave
# it empty.
affiliation: ""
# Other spellings used in sources: [Zelenskyy]
aliases: []
# Where they stand on topics, and since when: each entry has a topic id,
# a stance (supports, opposes, conditional, mixed or unclear), a one-line
# summary, and since, the slug of the article that reports it or a date.
# A change of stance is another entry with a later since.
#   - topic: minerals-deal
#     stance: conditional
#     summary: "Would sign only with security guarantees."
#     since: zelensky-rejects-us-minerals-proposal
positions: []
---
A short profile: who they are, as far as it matters to the briefing.
`

const topicForm = `---
# The topic's name.
title: "{{title}}"
# One sentence, shown on the topic's card.
summary: ""
# Ids of related topics: [security-guarantees]
related: []
---
An overview of the question: what is at stake, and for whom.
`
