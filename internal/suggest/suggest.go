package suggest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/model"
)

// Kind is what an annotation says the words are.
type Kind string

const (
	Actor Kind = "actor"
	Topic Kind = "topic"
	Quote Kind = "quote"
	Event Kind = "event"
)

// Known is what the annotator knows of the briefing: its actors, with the
// names the missed-mention check looks for, the descriptions of its
// anonymous sources, and its topics' keywords.
type Known struct {
	names    *model.Names
	byID     map[string]*model.Actor
	actors   []*model.Actor
	keywords map[string]string // a keyword's lowercase words, space-joined, to its topic id
	kwLens   []int
	anon     []anonymous
}

// NewKnown indexes actors and topics.
func NewKnown(actors []*model.Actor, topics []*model.Topic) *Known {
	k := &Known{names: model.NewNames(actors), byID: map[string]*model.Actor{}, actors: actors, keywords: map[string]string{}}
	for _, a := range actors {
		k.byID[a.ID] = a
		if a.Kind == "anonymous" {
			if d, ok := describe(a); ok {
				k.anon = append(k.anon, d)
			}
		}
	}
	for _, t := range topics {
		for _, kw := range t.Keywords {
			ws := lowerWords(kw)
			if len(ws) == 0 {
				continue
			}
			key := strings.Join(ws, " ")
			if _, taken := k.keywords[key]; !taken {
				k.keywords[key] = t.ID
			}
			if !slices.Contains(k.kwLens, len(ws)) {
				k.kwLens = append(k.kwLens, len(ws))
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(k.kwLens)))
	return k
}

// with is k knowing the actors in more as well.
func (k *Known) with(more []*model.Actor) *Known {
	if len(more) == 0 {
		return k
	}
	n := NewKnown(append(slices.Clip(k.actors), more...), nil)
	n.keywords, n.kwLens = k.keywords, k.kwLens
	return n
}

// Input is one article to annotate.
type Input struct {
	Path        string     // as shown in messages
	Src         []byte     // the whole file
	BodyOffset  int        // where the Markdown body starts in Src
	Published   dates.Date // what relative dates count from
	NotMentions []string   // names that name no actor here
}

// Options say what to propose besides annotations of known actors and
// topics.
type Options struct {
	// NewActors makes the proposed new actors known for this run, so
	// their names are annotated too (the files are the caller's to write).
	NewActors bool
}

// Edit is one proposed annotation: brackets around the words at
// Src[Start:End] and a target after them.
type Edit struct {
	Start, End int
	Kind       Kind
	ID         string
	Topics     []string // a quote's ?topic= list
}

// Target is what the edit writes after the closing bracket.
func (e Edit) Target() string {
	t := "(" + string(e.Kind) + ":" + e.ID
	if len(e.Topics) > 0 {
		t += "?topic=" + strings.Join(e.Topics, ",")
	}
	return t + ")"
}

// Note is something for the writer to decide, at a byte offset of Src.
type Note struct {
	Offset  int
	Message string
}

// NewActor is a person or organisation the text introduces that no actor
// file names.
type NewActor struct {
	ID, Name, Kind, Role string
	Aliases              []string
	Offset               int // where the text introduces it
}

// DateNote is a date expression and what it resolves to.
type DateNote struct {
	Offset int
	Words  string
	Date   string // in the form events take: "2025-02-14", "~2025-02", "pending"
	How    string
}

// Result is what the annotator proposes for one article.
type Result struct {
	Edits     []Edit // in order, never overlapping
	Notes     []Note // quotations without a speaker, descriptions that fit several actors
	NewActors []NewActor
	Dates     []DateNote
}

// Apply returns src with the edits made.
func (r *Result) Apply(src []byte) []byte {
	var b strings.Builder
	b.Grow(len(src) + 40*len(r.Edits))
	from := 0
	for _, e := range r.Edits {
		b.Write(src[from:e.Start])
		b.WriteByte('[')
		b.Write(src[e.Start:e.End])
		b.WriteString("]" + e.Target())
		from = e.End
	}
	b.Write(src[from:])
	return []byte(b.String())
}

// ref is a reference to an actor in a paragraph: an annotation already
// there, a proposed one, or a pronoun.
type ref struct {
	span
	kind     Kind
	id       string
	existing bool
	pronoun  bool
	reach    int // where the phrase ends for attribution, past a "from the White House"; 0 is span.end

	desc  *description // a description of an anonymous source, resolved in order
	topic string       // a topic keyword's topic
}

func (r ref) phraseEnd() int { return max(r.end, r.reach) }

// Suggest proposes the annotations of one article.
func Suggest(in Input, k *Known, opts Options) *Result {
	body := in.Src[in.BodyOffset:]
	paras := paragraphs(body)
	res := &Result{}
	res.NewActors = newActors(in, paras, k)
	if opts.NewActors {
		var more []*model.Actor
		for _, n := range res.NewActors {
			more = append(more, &model.Actor{ID: n.ID, Name: n.Name, Kind: n.Kind, Aliases: n.Aliases})
		}
		k = k.with(more)
	}
	st := &state{in: in, k: k, res: res}
	for _, p := range paras {
		st.paragraph(p)
	}
	sort.Slice(res.Edits, func(i, j int) bool { return res.Edits[i].Start < res.Edits[j].Start })
	return res
}

// maxBrackets is the most brackets a paragraph may have for proposals in
// it: goldmark stops looking for links in a run of hundreds.
const maxBrackets = 100

// state is what reading an article so far has established: who was
// named, in order, for pronouns and descriptions.
type state struct {
	in    Input
	k     *Known
	res   *Result
	named []string // actor ids in the order they are referred to
}

func (st *state) offset(p *paragraph, i int) int { return st.in.BodyOffset + p.at[i] }

func (st *state) paragraph(p *paragraph) {
	if strings.Count(p.text, "[") > maxBrackets {
		return // past what the parser reads as links; no paragraph of prose has so many
	}
	quotes := findQuotes(p)
	regions := p.free(quotes)

	var cands []ref
	for _, r := range regions {
		cands = append(cands, st.candidates(p, r)...)
	}
	chosen := choose(p, cands)

	refs := append([]ref(nil), chosen...)
	for _, r := range p.refs {
		if r.kind == Actor || r.kind == Topic {
			refs = append(refs, r)
		}
	}
	for _, r := range regions {
		refs = append(refs, pronouns(p.text, r)...)
	}
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].start < refs[j].start })

	var topics []string
	kept := refs[:0]
	for _, r := range refs {
		switch {
		case r.kind == Topic:
			id := r.id
			if id == "" {
				id = r.topic
			}
			if !slices.Contains(topics, id) {
				topics = append(topics, id)
			}
		case r.pronoun:
			r.id = st.lastPerson()
		case r.desc != nil:
			id, note := st.resolve(r)
			if id == "" {
				st.res.Notes = append(st.res.Notes, Note{st.offset(p, r.start), note})
				continue
			}
			r.id = id
		}
		if r.kind == Actor && r.id != "" && !r.pronoun {
			st.named = append(st.named, r.id)
		}
		kept = append(kept, r)
	}
	refs = kept

	for _, r := range refs {
		if r.existing || r.pronoun || r.id == "" && r.topic == "" {
			continue
		}
		e := Edit{Start: st.offset(p, r.start), End: st.offset(p, r.end), Kind: r.kind, ID: r.id}
		if r.kind == Topic {
			e.ID = r.topic
		}
		st.res.Edits = append(st.res.Edits, e)
	}

	sentences := sentences(p.text, quotes)
	lastSpeaker, lastQuote := "", 0
	for _, q := range quotes {
		if lastSpeaker != "" {
			// "he added", after a quotation: the one who was speaking.
			for i := range refs {
				if refs[i].pronoun && refs[i].start >= lastQuote {
					refs[i].id = lastSpeaker
				}
			}
		}
		s := sentenceOf(sentences, q)
		var inSentence []span
		for _, o := range quotes {
			if s.contains(o) {
				inSentence = append(inSentence, o)
			}
		}
		speaker := attribute(p.text, q, s, inSentence, speakers(refs))
		if speaker == "" {
			st.res.Notes = append(st.res.Notes, Note{st.offset(p, q.start),
				fmt.Sprintf("quotation %s: the text names no speaker for it; annotate it by hand, as [“…”](quote:SPEAKER)", excerpt(p.text[q.start:q.end]))})
			continue
		}
		st.res.Edits = append(st.res.Edits, Edit{Start: st.offset(p, q.start), End: st.offset(p, q.end), Kind: Quote, ID: speaker, Topics: topics})
		lastSpeaker, lastQuote = speaker, q.end
	}

	for _, r := range regions {
		st.res.Dates = append(st.res.Dates, findDates(p, r, st)...)
	}
}

// lastPerson is the person named last so far, "" if none: an actor of
// kind person, or an anonymous source that is one ("a former senior
// official", not "senior officials"). Within a paragraph, a pronoun after
// a quotation means its speaker instead (see paragraph).
func (st *state) lastPerson() string {
	for i := len(st.named) - 1; i >= 0; i-- {
		if a := st.k.byID[st.named[i]]; a != nil && (a.Kind == "person" || a.Kind == "anonymous" && !plural(a.Name)) {
			return a.ID
		}
	}
	return ""
}

// candidates are the names, descriptions and keywords in one run of
// free text, overlapping one another.
func (st *state) candidates(p *paragraph, r span) []ref {
	text := p.text[r.start:r.end]
	var out []ref
	for _, m := range st.k.names.Find(text) {
		if slices.Contains(st.in.NotMentions, text[m.Start:m.End]) {
			continue
		}
		out = append(out, ref{span: span{r.start + m.Start, r.start + m.End}, kind: Actor, id: m.Actor.ID})
	}
	out = append(out, st.k.descriptions(text, r.start)...)
	ws := wordsOf(text)
	for i := 0; i < len(ws); i++ {
		for _, n := range st.k.kwLens {
			if i+n > len(ws) {
				continue
			}
			parts := make([]string, n)
			for j := range n {
				parts[j] = strings.ToLower(text[ws[i+j].start:ws[i+j].end])
			}
			if id, ok := st.k.keywords[strings.Join(parts, " ")]; ok {
				out = append(out, ref{span: span{r.start + ws[i].start, r.start + ws[i+n-1].end}, kind: Topic, topic: id})
				break
			}
		}
	}
	return out
}

// choose keeps, of overlapping candidates, the longest (an actor's over a
// topic's of the same length), and only those that brackets can go
// around without changing the Markdown.
func choose(p *paragraph, cands []ref) []ref {
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		if (cands[i].kind == Topic) != (cands[j].kind == Topic) {
			return cands[j].kind == Topic
		}
		return cands[i].start < cands[j].start
	})
	var out []ref
	for _, c := range cands {
		if !bracketable(p, c.span) {
			continue
		}
		if slices.ContainsFunc(out, func(o ref) bool { return o.overlaps(c.span) }) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// bracketable reports whether [words](…) around s leaves the text as it
// was: one run of the body, holding no markup, and safe at its edges.
func bracketable(p *paragraph, s span) bool {
	if s.start >= s.end || !p.contiguous(s) || p.masked(s) {
		return false
	}
	if strings.ContainsAny(p.text[s.start:s.end], "[]*_`<>\\\n") {
		return false
	}
	return safeEdges(p, s)
}

// safeEdges reports whether brackets at the edges of s change nothing
// around them: not after a "!" that would make an image or a backslash
// that would escape the bracket, nor beside a bracket ([X]Vance would
// become the reference link [X][Vance]); not beside a straight quote, which the
// typographer would read differently (Vance", 'Vance, Vance'0; Vance's
// is fine);
// not beside emphasis marks, which CommonMark reads by their neighbours
// (0*Vance*0). Such words are left to the writer.
func safeEdges(p *paragraph, s span) bool {
	if s.start > 0 && strings.IndexByte(`!"'\*_~[]`, p.text[s.start-1]) >= 0 {
		return false
	}
	// The typographer reads a straight quote by up to three characters
	// after it: "0!"#Vance would close differently before a bracket.
	for i := s.start - 1; i >= 0 && i >= s.start-3; i-- {
		c := p.text[i]
		if c == '"' || c == '\'' {
			return false
		}
		if c >= utf8.RuneSelf || !unicode.IsPunct(rune(c)) && !unicode.IsSymbol(rune(c)) {
			break
		}
	}
	if s.end >= len(p.text) {
		return true
	}
	if p.text[s.end] == '\'' {
		return contraction(p.text[s.end+1:])
	}
	if strings.HasPrefix(p.text[s.end:], "[^") {
		return true // a footnote: Bassent[^bassent]
	}
	return strings.IndexByte(`"*_~[]`, p.text[s.end]) < 0
}

// contraction reports whether the text after an apostrophe is one the
// typographer turns into ’ even after a bracket: 's, 'm, 't, 'd, 'll, 've,
// 're, at the end of a word.
func contraction(after string) bool {
	for _, c := range []string{"s", "m", "t", "d", "ll", "ve", "re"} {
		if rest, ok := strings.CutPrefix(after, c); ok {
			// as goldmark tells spaces and punctuation: ASCII only
			return rest == "" || strings.IndexByte(" \t\n\r!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", rest[0]) >= 0
		}
	}
	return false
}

// speakers are the refs that can speak: actors, not topics, and not a
// name inside the phrase of another ("the White House" in "a senior
// official from the White House").
func speakers(refs []ref) []ref {
	var out []ref
	for _, r := range refs {
		if r.kind != Actor || r.id == "" {
			continue
		}
		inside := slices.ContainsFunc(refs, func(o ref) bool {
			return o.kind == Actor && o.span != r.span && o.start <= r.start && r.end <= o.phraseEnd()
		})
		if !inside {
			out = append(out, r)
		}
	}
	return out
}

// pronouns are the "he" and "she" in the text at r.
func pronouns(text string, r span) []ref {
	var out []ref
	for _, w := range wordsOf(text[r.start:r.end]) {
		switch strings.ToLower(text[r.start+w.start : r.start+w.end]) {
		case "he", "she":
			out = append(out, ref{span: span{r.start + w.start, r.start + w.end}, kind: Actor, pronoun: true})
		}
	}
	return out
}

// word is a run of letters and digits, as the missed-mention check splits
// text.
type word struct{ start, end int }

func wordsOf(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text)})
	}
	return out
}

func lowerWords(s string) []string {
	var out []string
	for _, w := range wordsOf(s) {
		out = append(out, strings.ToLower(s[w.start:w.end]))
	}
	return out
}

// excerpt shortens a quotation for a message.
func excerpt(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:28]) + "…" + string(r[len(r)-28:])
}

// plural reports whether a name's last word is a plural noun, as English
// mostly spells one.
func plural(name string) bool {
	ws := lowerWords(name)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// ApplyTo makes the edits in original, the file as it was before
// content.Parse read it (with a byte-order mark, or CRLF or CR line
// endings, which Src has not), so that it keeps them.
func (r *Result) ApplyTo(original []byte) []byte {
	// at[k] is the offset in original of byte k of the text as read.
	at := make([]int, 0, len(original)+1)
	i := 0
	if len(original) >= 3 && string(original[:3]) == "\xef\xbb\xbf" {
		i = 3
	}
	for ; i < len(original); i++ {
		at = append(at, i)
		if original[i] == '\r' && i+1 < len(original) && original[i+1] == '\n' {
			i++
		}
	}
	at = append(at, len(original))
	var b strings.Builder
	from := 0
	for _, e := range r.Edits {
		start, end := at[e.Start], at[e.End]
		b.Write(original[from:start])
		b.WriteByte('[')
		b.Write(original[start:end])
		b.WriteString("]" + e.Target())
		from = end
	}
	b.Write(original[from:])
	return []byte(b.String())
}
