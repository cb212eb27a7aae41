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
	"slices"
	"strings"
	"time"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/model"
)

// ErrExists is returned when the file is already there.
var ErrExists = errors.New("already exists")

// Fields are what the writer said of the new file; what is empty is made
// from the id.
type Fields struct {
	Name string // an actor's name, a topic's or an article's title
	Kind string // an actor's kind
}

// NewWith writes content/<kind>s/<id>.md under root, with the fields the
// writer gave, and returns its path. It refuses invalid ids and never
// overwrites.
func NewWith(root, kind, id string, today time.Time, fields Fields) (string, error) {
	form := formFor(kind)
	if form == "" {
		return "", fmt.Errorf("unknown kind %q: use article, actor or topic", kind)
	}
	if !model.ValidID(id) {
		return "", fmt.Errorf("%q is not a valid id: use lowercase letters a-z, digits and hyphens, like \"scott-bessent\"", id)
	}
	actorKind := strings.ToLower(strings.TrimSpace(fields.Kind))
	switch {
	case actorKind != "" && kind != "actor":
		return "", fmt.Errorf("-kind is an actor's: a %s has none", kind)
	case actorKind == "anonymous source":
		actorKind = "anonymous"
	case actorKind == "":
		actorKind = guessKind(id)
	}
	if !slices.Contains(model.ActorKinds(), actorKind) {
		hint := diag.Suggest(actorKind, model.ActorKinds())
		if hint == "" {
			hint = "use one of: " + strings.Join(model.ActorKinds(), ", ")
		}
		return "", fmt.Errorf("unknown actor kind %q: %s", fields.Kind, hint)
	}
	title := strings.TrimSpace(fields.Name)
	if title == "" {
		title = titleOf(id)
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
	text := strings.NewReplacer("{{title}}", yamlQuoted(title), "{{kind}}", actorKind, "{{today}}", today.Format("2006-01-02"), "{{id}}", id).Replace(form)
	_, werr := f.WriteString(text)
	if err := errors.Join(werr, f.Close()); err != nil {
		return "", err
	}
	return path, nil
}

// yamlQuoted is s to go between the double quotes of a YAML string.
func yamlQuoted(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// titleOf turns an id into words: "scott-bessent" gives "Scott Bessent",
// "us-treasury" "US Treasury" (words of one or two letters are
// initials), "bank-of-england" "Bank of England".
func titleOf(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		switch {
		case w == "":
		case i > 0 && smallWords[w]:
		case len(w) <= 2 && !smallWords[w]:
			words[i] = strings.ToUpper(w)
		default:
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// smallWords stay lower case inside a name.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"de": true, "la": true, "du": true, "da": true, "von": true, "van": true, "del": true}

// guessKind is the kind an id suggests: a government for a ministry or a
// treasury, an organisation for an association or a company; a person
// otherwise, as most actors are.
func guessKind(id string) string {
	for _, w := range strings.Split(id, "-") {
		switch w {
		case "treasury", "ministry", "department", "government", "administration", "council", "parliament", "cabinet",
			"office", "agency", "commission", "senate", "congress", "rada", "kremlin", "presidency", "army", "military":
			return "government"
		case "association", "corporation", "company", "bank", "conference", "press", "news", "fund", "institute",
			"foundation", "university", "party", "union", "group", "organisation", "organization", "times", "post":
			return "organisation"
		}
	}
	return "person"
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
kind: {{kind}}
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
