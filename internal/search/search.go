// Package search writes the index that static/search.js searches in the
// reader's browser, with no server, fetching only what a query needs.
//
// Every file of the index is a script, not data for fetch(): a script
// loads from a folder on disk (file://) as from any web server, under any
// sub-path. The search page adds a script element for each file it needs,
// and each file but the first calls
//
//	briefingSearchLoaded(name, value)
//
// with its name (its path under search/, without ".js") and its content.
//
// # Documents
//
// What a search finds is a document: a topic, an actor, an event, a quote
// or a paragraph. Documents are kept in chunks, and a document is named
// by its chunk c and its place k in the chunk, from 0.
//
// Chunks 0 to meta-1 hold the topics, then the actors, then the events,
// MetaPerChunk to a chunk, each as [kind, title, text, link], an event
// with the source and date of its article after, in search/m/<c>.js.
// Chunk meta+i holds article i (newest first), in search/a/<i>.js, as {"t": title, "u": link, "s": source, "d": date,
// "p": [[N, text], …], "q": [[speaker, text, N], …]}, with "l": its
// language after the date where it is not the site's (and "r": its
// direction, "rtl" or "ltr", where that is not the site's either), and a
// quote's translation after its N where it has one: its paragraphs are
// documents 0 to len(p)-1 of the chunk, its quotes the ones after (a
// chunk holds fewer than 65,536). A results page shows a few documents and
// so loads a few chunks.
//
// # Terms
//
// Text is split into terms as Terms does (folded by Fold, words of
// letters, digits and spacing vowel signs, one-letter words dropped, and
// words longer than MaxTermBytes in UTF-8 dropped too). Scripts written
// without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
// Burmese) have no words to split at, and no dictionary is shipped to
// find them: a run of their characters gives each pair of neighbouring
// characters as a term (a run of one, that character), "中国政府" giving
// "中国", "国政" and "政府". A query is split the same way, so any word of
// two or more characters is found as its pairs, all of which the results
// that have them all (ranked first) hold; a longer run of pairs may match
// text where they are not adjacent, a price of having no dictionary. A
// query of one such character finds the pairs it begins. A document's terms are
// those of its title (an article's title for its paragraphs, the
// speaker's name for a quote) and of its text (a quote's and its
// translation's). A posting says that a term
// is in a document, with a weight: 5 for a topic, 4 an actor, 3 an event,
// 2 a quote, 1 a paragraph, times 3 when the term is in the title. A
// term's postings are ordered best first: by weight, then by chunk and
// place, so newest first among paragraphs.
//
// Postings are written as a string of numbers, each in base 32, most
// significant digit first, every digit but the last from
// "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_" and the last from
// "0123456789abcdefghijklmnopqrstuv". Each posting is two numbers: the
// chunk, less the previous posting's of the same weight (or 0), and the
// place. Postings of one weight are one string: a term's postings are
// [weight, string, weight, string, …], best weight first.
//
// # Shards
//
// The terms are sharded by prefix: every term is in the shard of the
// longest shard prefix it starts with. The prefixes are a term's first
// two characters, and a prefix whose shard would exceed ShardBytes is
// split into one shard for each next character (terms no longer than the
// prefix stay in its shard, which is not written if none are). Shard p is
// search/s/<hex of p's UTF-8>.js, an object of terms:
//
//	{"term": [postings, blocks, weight, string, …], …}
//
// with the term's count of postings, the number of its continuation
// blocks, and its first FirstPostings postings. Continuation block n
// (from 1) of a term holds its next BlockPostings postings, as [weight,
// string, …], in search/c/<hex of the term>-<n>.js; search.js loads them
// only when the reader asks for more results.
//
// search-index.js, loaded first, sets window.briefingSearchIndex to
// {"meta": meta, "shards": [prefix, …]}, the prefixes sorted.
//
// # Searching
//
// search.js splits the query into terms as Terms does. A word matches
// every term it begins, so for each word it loads the shard of the
// longest prefix the word starts with and the shards of the longer
// prefixes that start with the word. A document's score for a word is
// the best weight of the terms it matches, times 1 + log2(m/n) where n is
// the count of postings of the word's terms and m the largest such count
// among the query's words (a rare word counts for more), its score the
// sum; those that
// match more of the words come first, then the higher scores, then the
// lower chunk and place. It shows ten results, loading their chunks, and
// ten more on each "More results", loading the terms' next continuation
// blocks when those loaded run out.
//
// # Changes
//
// An Index keeps what it needs to write again only what a change touches:
// rewording an article (Reword, Reannotate) writes its chunk, the shards
// and continuations of the terms whose postings in the chunk changed, and
// search-index.js, and leaves the rest as it was; Reannotate also writes
// any chunk of events whose order or dates changed, and the shards of
// their terms.
package search

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/langtag"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/parallel"
)

// Path is where the index's first file is written.
const Path = "search-index.js"

const (
	// MetaPerChunk is how many topics, actors or events a chunk holds.
	MetaPerChunk = 50
)

// MaxTermBytes is the longest term indexed: a term's continuation files
// are named by its bytes in hex, and file names have a limit.
const MaxTermBytes = 100

// The sizes of shards and blocks; variables only so that tests can split
// small indexes.
var (
	// ShardBytes is the size over which a shard is split by one more character.
	ShardBytes = 24 << 10
	// FirstPostings is how many of a term's postings its shard holds.
	FirstPostings = 800
	// BlockPostings is how many a continuation block holds.
	BlockPostings = 8000
)

// The kinds of entry; search.js labels results by them.
const (
	Paragraph = "p"
	Quote     = "q"
	Actor     = "a"
	Topic     = "t"
	Event     = "e"
)

var weights = map[string]uint8{Topic: 5, Actor: 4, Event: 3, Quote: 2, Paragraph: 1}

// posting is a term's presence in document k of chunk c.
type posting struct {
	c int32
	k uint16
	w uint8
}

// term is a term's postings, best first, and its entry in its shard and
// continuation blocks, as written.
type term struct {
	postings []posting
	n        int      // while New counts them
	entry    []byte   // "term":[…] in its shard
	blocks   [][]byte // continuation files
}

// Index is the search index of a briefing. An Index is never changed
// once made: Reword makes a new one, sharing what did not change.
type Index struct {
	meta     int                    // chunks of topics, actors and events
	articles map[*model.Article]int // an article's place in list
	list     []*model.Article       // newest first
	site     langtag.Tag            // the site's language, which articles' may differ from
	terms    map[string]*term
	of       [][]string          // the terms of each chunk's documents
	files    map[string][]byte   // every file but search-index.js, by path
	groups   map[string][]string // the shard paths of each two-character prefix
	paths    []string            // the files' paths, sorted, for Files
	head     []byte
}

// New writes the search index of b.
func New(b *model.Briefing) *Index {
	meta := metaDocs(b)
	metaChunks := (len(meta) + MetaPerChunk - 1) / MetaPerChunk
	articleChunks := (len(b.Articles) + ArticlesPerChunk - 1) / ArticlesPerChunk
	x := &Index{meta: metaChunks, articles: make(map[*model.Article]int, len(b.Articles)), list: b.Articles, site: b.Site.LanguageTag,
		terms: map[string]*term{}, of: make([][]string, metaChunks+articleChunks),
		files: map[string][]byte{}, groups: map[string][]string{}}
	for i, a := range b.Articles {
		x.articles[a] = i
	}

	// Each chunk is written, and its terms found, on its own; the postings
	// are then gathered in chunk order.
	chunks := make([]chunk, metaChunks+articleChunks)
	parallel.For(len(chunks), func(c int) {
		if c < metaChunks {
			chunks[c] = metaChunk(c, meta[c*MetaPerChunk:min((c+1)*MetaPerChunk, len(meta))])
		} else {
			chunks[c] = x.articleChunk(c - metaChunks)
		}
	})
	// Counted first, so that each term's postings are allocated once.
	locals := make([][]*term, len(chunks))
	for c, ch := range chunks {
		x.files[ch.path] = ch.data
		count := make([]int32, len(ch.names))
		for _, tp := range ch.terms {
			count[tp.id]++
		}
		local := make([]*term, len(ch.names))
		for id, name := range ch.names {
			if count[id] == 0 { // a title's term, in no document (an article with no paragraphs)
				continue
			}
			t := x.terms[name]
			if t == nil {
				t = &term{}
				x.terms[name] = t
			}
			t.n += int(count[id])
			local[id] = t
		}
		locals[c] = local
		x.of[c] = ch.names
	}
	for _, t := range x.terms {
		t.postings = make([]posting, 0, t.n)
	}
	for c, ch := range chunks {
		local := locals[c]
		for _, tp := range ch.terms {
			t := local[tp.id]
			t.postings = append(t.postings, posting{int32(c), tp.k, tp.w})
		}
	}
	names := slices.Collect(maps.Keys(x.terms))
	parallel.For(len(names), func(i int) {
		t := x.terms[names[i]]
		sortPostings(t.postings)
		t.write(names[i])
	})
	for _, g := range groupsOf(names) {
		x.layout(g)
	}
	x.head = x.writeHead()
	x.paths = slices.Sorted(maps.Keys(x.files))
	return x
}

// metaDocs are the topics, actors and events, as documents.
func metaDocs(b *model.Briefing) []metaDoc {
	var meta []metaDoc
	for _, t := range b.Topics {
		meta = append(meta, metaDoc{kind: Topic, title: t.Title, text: t.Summary, link: t.Path()})
	}
	for _, a := range b.Actors {
		text := a.Role
		for _, alias := range a.Aliases {
			text += " · " + alias
		}
		meta = append(meta, metaDoc{kind: Actor, title: a.Name, text: text, link: a.Path()})
	}
	for _, e := range b.Events {
		d := metaDoc{kind: Event, title: e.Title, text: e.Date.String(), link: e.Path()}
		if e.Article != nil {
			d.source, d.date = e.Article.Source, e.Article.Published.String()
		}
		meta = append(meta, d)
	}
	return meta
}

// metaDoc is a topic, actor or event as a document; an event has the
// source and date of the article that declares it.
type metaDoc struct{ kind, title, text, link, source, date string }

// chunk is a chunk's file and the terms of its documents.
type chunk struct {
	path  string
	data  []byte
	terms []termPosting
	names []string // its distinct terms, by id
}

// termPosting is a posting of term names[id] of its chunk.
type termPosting struct {
	id int32
	k  uint16
	w  uint8
}

// terms finds the terms of a chunk's documents, each string made once.
type terms struct {
	list   []termPosting
	ids    map[string]int32 // a term's place in names
	names  []string         // the chunk's distinct terms
	last   []int32          // the last document, plus 1, each term was found in
	k      int32
	buffer []byte
}

func newTerms() *terms { return &terms{ids: make(map[string]int32, 64)} }

// add adds document k's terms, each once, with its weight.
func (ts *terms) add(k int, kind, title, text string) {
	w := weights[kind]
	ts.k = int32(k) + 1
	ts.scan(title, 3*w)
	ts.scan(text, w)
}

// addTitled is add for a document whose title's terms are known already.
func (ts *terms) addTitled(k int, kind string, title []int32, text string) {
	w := weights[kind]
	ts.k = int32(k) + 1
	for _, id := range title {
		ts.post(id, 3*w)
	}
	ts.scan(text, w)
}

// titleTerms are the ids of the terms of title, for addTitled.
func (ts *terms) titleTerms(title string) []int32 {
	var ids []int32
	forTermBytes(title, ts.buffer, func(b []byte) {
		ts.buffer = b
		if id, ok := ts.id(b); ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	})
	return ids
}

func (ts *terms) scan(s string, w uint8) {
	forTermBytes(s, ts.buffer, func(b []byte) {
		ts.buffer = b
		if id, ok := ts.id(b); ok {
			ts.post(id, w)
		}
	})
}

// id is the id of term b, given it if it has none; false for a term too
// long to index.
func (ts *terms) id(b []byte) (int32, bool) {
	if len(b) > MaxTermBytes {
		return 0, false
	}
	id, ok := ts.ids[string(b)]
	if !ok {
		id = int32(len(ts.names))
		t := string(b)
		ts.ids[t] = id
		ts.names = append(ts.names, t)
		ts.last = append(ts.last, 0)
	}
	return id, true
}

// post adds a posting of term id for the current document, unless it has one.
func (ts *terms) post(id int32, w uint8) {
	if ts.last[id] == ts.k {
		return
	}
	ts.last[id] = ts.k
	ts.list = append(ts.list, termPosting{id, uint16(ts.k - 1), w})
}

func metaChunk(c int, docs []metaDoc) chunk {
	ch, ts := chunk{path: fmt.Sprintf("search/m/%d.js", c)}, newTerms()
	buf := loaded(nil, fmt.Sprintf("m/%d", c))
	buf = append(buf, '[')
	for k, d := range docs {
		if k > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		buf = appendStrings(buf, d.kind, d.title, d.text, d.link)
		if d.source != "" || d.date != "" {
			buf = append(buf, ',')
			buf = appendStrings(buf, d.source, d.date)
		}
		buf = append(buf, ']')
		ts.add(k, d.kind, d.title, d.text)
	}
	ch.data, ch.terms, ch.names = append(buf, "]);\n"...), ts.list, ts.names
	return ch
}

// ArticlesPerChunk is how many articles a chunk holds: fewer files to
// write, against more to download for results from scattered articles.
const ArticlesPerChunk = 2

// ArticlePath is where chunk n of the articles is written: articles
// n*ArticlesPerChunk and on.
func ArticlePath(n int) string { return fmt.Sprintf("search/a/%d.js", n) }

// articleChunk writes chunk n of the articles, which holds articles.
func articleChunk(n int, articles []*model.Article, site langtag.Tag) chunk {
	ch, ts := chunk{path: ArticlePath(n)}, newTerms()
	size := 64
	for _, a := range articles {
		size += 64 + len(a.Title)
		for _, p := range a.Paragraphs {
			size += len(p.Text) + 12
		}
	}
	buf := loaded(make([]byte, 0, size), "a/"+strconv.Itoa(n))
	buf = append(buf, '[')
	k := 0
	for i, a := range articles {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"t":`...)
		buf = appendString(buf, a.Title)
		buf = append(buf, `,"u":`...)
		buf = appendString(buf, a.Path())
		buf = append(buf, `,"s":`...)
		buf = appendString(buf, a.Source)
		buf = append(buf, `,"d":`...)
		buf = appendString(buf, a.Published.String())
		if a.Lang.Differs(site) {
			buf = append(buf, `,"l":`...)
			buf = appendString(buf, a.Lang.Code)
			if a.Lang.RTL != site.RTL {
				buf = append(buf, `,"r":`...)
				buf = appendString(buf, a.Lang.Dir())
			}
		}
		buf = append(buf, `,"p":[`...)
		title := ts.titleTerms(a.Title)
		for j, p := range a.Paragraphs {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			buf = strconv.AppendInt(buf, int64(p.N), 10)
			buf = append(buf, ',')
			buf = appendString(buf, p.Text)
			buf = append(buf, ']')
			ts.addTitled(k, Paragraph, title, p.Text)
			k++
		}
		buf = append(buf, `],"q":[`...)
		for j, q := range a.Quotes {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			buf = appendStrings(buf, q.Speaker.Name, q.Text)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(q.Para), 10)
			if q.Translation != "" {
				buf = append(buf, ',')
				buf = appendString(buf, q.Translation)
			}
			buf = append(buf, ']')
			ts.add(k, Quote, q.Speaker.Name, q.Text)
			ts.scan(q.Translation, weights[Quote])
			k++
		}
		buf = append(buf, "]}"...)
	}
	ch.data, ch.terms, ch.names = append(buf, "]);\n"...), ts.list, ts.names
	return ch
}

// articleChunk writes chunk n of x's articles.
func (x *Index) articleChunk(n int) chunk {
	return articleChunk(n, x.list[n*ArticlesPerChunk:min((n+1)*ArticlesPerChunk, len(x.list))], x.site)
}

// loaded opens a file that calls briefingSearchLoaded(name, …).
func loaded(buf []byte, name string) []byte {
	buf = append(buf, "briefingSearchLoaded(\""...)
	return append(append(buf, name...), "\","...)
}

func appendStrings(buf []byte, ss ...string) []byte {
	for i, s := range ss {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, s)
	}
	return buf
}

// sortPostings orders postings best first: by weight, then chunk and place.
func sortPostings(ps []posting) {
	if slices.IsSortedFunc(ps, comparePostings) {
		return
	}
	sorted := true // by chunk and place, as New gathers them
	for i := 1; i < len(ps) && sorted; i++ {
		sorted = ps[i-1].c < ps[i].c || ps[i-1].c == ps[i].c && ps[i-1].k < ps[i].k
	}
	if !sorted {
		slices.SortFunc(ps, comparePostings)
		return
	}
	// A stable partition by weight, of which there are few.
	var count [256]int
	for _, p := range ps {
		count[p.w]++
	}
	var at [256]int
	n := 0
	for w := 255; w >= 0; w-- {
		at[w] = n
		n += count[w]
	}
	out := make([]posting, len(ps))
	for _, p := range ps {
		out[at[p.w]] = p
		at[p.w]++
	}
	copy(ps, out)
}

func comparePostings(a, b posting) int {
	if a.w != b.w {
		return int(b.w) - int(a.w)
	}
	if a.c != b.c {
		return int(a.c - b.c)
	}
	return int(a.k) - int(b.k)
}

// write writes the term's entry and continuation blocks.
func (t *term) write(name string) {
	first := t.postings[:min(len(t.postings), FirstPostings)]
	rest := t.postings[len(first):]
	blocks := (len(rest) + BlockPostings - 1) / BlockPostings
	buf := appendString(make([]byte, 0, len(name)+2*len(first)+24), name)
	buf = append(buf, ":["...)
	buf = strconv.AppendInt(buf, int64(len(t.postings)), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(blocks), 10)
	t.entry = append(appendPostings(buf, first, true), ']')
	t.blocks = nil
	stem := "c/" + hexOf(name) + "-"
	for n := range blocks {
		block := rest[n*BlockPostings : min((n+1)*BlockPostings, len(rest))]
		buf := loaded(make([]byte, 0, 2*len(block)+40), stem+strconv.Itoa(n+1))
		buf = append(buf, '[')
		buf = appendPostings(buf, block, false)
		t.blocks = append(t.blocks, append(buf, "]);\n"...))
	}
}

const (
	lastDigits = "0123456789abcdefghijklmnopqrstuv"
	moreDigits = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
)

// appendPostings appends [weight, string, …], after a comma if comma.
func appendPostings(buf []byte, ps []posting, comma bool) []byte {
	for i := 0; i < len(ps); {
		w := ps[i].w
		if comma {
			buf = append(buf, ',')
		}
		comma = true
		buf = strconv.AppendInt(buf, int64(w), 10)
		buf = append(buf, ",\""...)
		var prev int32
		for ; i < len(ps) && ps[i].w == w; i++ {
			buf = appendNumber(buf, int(ps[i].c-prev))
			buf = appendNumber(buf, int(ps[i].k))
			prev = ps[i].c
		}
		buf = append(buf, '"')
	}
	return buf
}

func appendNumber(buf []byte, n int) []byte {
	var digits [8]byte
	i := len(digits) - 1
	digits[i] = lastDigits[n%32]
	for n /= 32; n > 0; n /= 32 {
		i--
		digits[i] = moreDigits[n%32]
	}
	return append(buf, digits[i:]...)
}

func hexOf(s string) string { return fmt.Sprintf("%x", s) }

// ShardPath is where the shard of the terms starting with prefix is written.
func ShardPath(prefix string) string { return "search/s/" + hexOf(prefix) + ".js" }

// top is the two-character prefix a term's shard is found under.
func top(t string) string {
	_, n := utf8.DecodeRuneInString(t)
	_, m := utf8.DecodeRuneInString(t[n:])
	return t[:n+m]
}

// groupsOf sorts the terms and groups them by top.
func groupsOf(names []string) [][]string {
	sort.Strings(names)
	var groups [][]string
	for i := 0; i < len(names); {
		j, p := i+1, top(names[i])
		for j < len(names) && strings.HasPrefix(names[j], p) {
			j++
		}
		groups = append(groups, names[i:j:j])
		i = j
	}
	return groups
}

// layout writes the shards of a group of terms of one top prefix, sorted,
// over any it had, and the terms' continuation blocks.
func (x *Index) layout(group []string) {
	p := top(group[0])
	for _, path := range x.groups[p] {
		delete(x.files, path)
	}
	var paths []string
	var split func(prefix string, terms []string)
	split = func(prefix string, terms []string) {
		size := 0
		for _, name := range terms {
			size += len(x.terms[name].entry) + 1
		}
		var own, longer []string
		for _, name := range terms {
			if len(name) == len(prefix) {
				own = append(own, name)
			} else {
				longer = append(longer, name)
			}
		}
		if size > ShardBytes && len(longer) > 0 {
			for i := 0; i < len(longer); {
				_, n := utf8.DecodeRuneInString(longer[i][len(prefix):])
				q := longer[i][:len(prefix)+n]
				j := i + 1
				for j < len(longer) && strings.HasPrefix(longer[j], q) {
					j++
				}
				split(q, longer[i:j])
				i = j
			}
			terms = own
		}
		if len(terms) == 0 {
			return
		}
		buf := loaded(make([]byte, 0, size+64), "s/"+hexOf(prefix))
		buf = append(buf, '{')
		for i, name := range terms {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, x.terms[name].entry...)
		}
		path := ShardPath(prefix)
		x.files[path] = append(buf, "});\n"...)
		paths = append(paths, path)
	}
	split(p, group)
	for _, name := range group {
		stem := "search/c/" + hexOf(name) + "-"
		for n, block := range x.terms[name].blocks {
			path := stem + strconv.Itoa(n+1) + ".js"
			x.files[path] = block
			paths = append(paths, path)
		}
	}
	if len(paths) == 0 {
		delete(x.groups, p)
	} else {
		x.groups[p] = paths
	}
}

// writeHead writes search-index.js.
func (x *Index) writeHead() []byte {
	var prefixes []string
	for p, paths := range x.groups {
		for _, path := range paths {
			if hex, ok := strings.CutPrefix(path, "search/s/"); ok {
				prefixes = append(prefixes, unhex(strings.TrimSuffix(hex, ".js")))
			}
		}
		_ = p
	}
	sort.Strings(prefixes)
	buf := []byte(`window.briefingSearchIndex = {"meta":`)
	buf = strconv.AppendInt(buf, int64(x.meta), 10)
	buf = append(buf, `,"shards":[`...)
	for i, p := range prefixes {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, p)
	}
	return append(buf, "]};\n"...)
}

func unhex(h string) string {
	out := make([]byte, len(h)/2)
	for i := range out {
		v, _ := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		out[i] = byte(v)
	}
	return string(out)
}

// Files are the index's files, as the site serves them, in path order
// after search-index.js.
func (x *Index) Files() []output.File {
	files := make([]output.File, 0, len(x.files)+1)
	files = append(files, output.File{Path: Path, Data: x.head})
	for _, path := range x.paths {
		files = append(files, output.File{Path: path, Data: x.files[path]})
	}
	return files
}

// Size is the index's size in bytes, all its files together.
func (x *Index) Size() int {
	n := len(x.head)
	for _, data := range x.files {
		n += len(data)
	}
	return n
}

// Reword returns the index with a's paragraphs written again, after their
// text changed: only a's chunk, and the shards and continuations of the
// terms whose postings in it changed, change. x is left as it is, as its
// files may be being served.
func (x *Index) Reword(a *model.Article) *Index {
	i, ok := x.articles[a]
	if !ok {
		panic("search: Reword of an article the index does not hold")
	}
	n := i / ArticlesPerChunk
	return x.replace(map[int]chunk{x.meta + n: x.articleChunk(n)})
}

// Reannotate returns the index of b after a's annotations changed, which
// holds the same articles, actors, topics and events: a's chunk, which
// holds its quotes, is written again, and, when eventsMoved says the
// events' first reports moved (which orders a day's events), any chunk of
// events whose order changed. An article's annotations change nothing
// else the chunks of topics, actors and events hold. x is left as it is.
func (x *Index) Reannotate(b *model.Briefing, a *model.Article, eventsMoved bool) *Index {
	i, ok := x.articles[a]
	if !ok {
		panic("search: Reannotate of an article the index does not hold")
	}
	docs := len(b.Topics) + len(b.Actors) + len(b.Events)
	if (docs+MetaPerChunk-1)/MetaPerChunk != x.meta || len(b.Articles) != len(x.articles) {
		return New(b)
	}
	n := i / ArticlesPerChunk
	changed := map[int]chunk{x.meta + n: x.articleChunk(n)}
	if eventsMoved {
		meta := metaDocs(b)
		for c := range x.meta {
			ch := metaChunk(c, meta[c*MetaPerChunk:min((c+1)*MetaPerChunk, len(meta))])
			if !bytes.Equal(ch.data, x.files[ch.path]) {
				changed[c] = ch
			}
		}
	}
	return x.replace(changed)
}

// postingsIn are those of ps, in order, in the given chunks: found by
// binary search in each run of one weight, as ps is ordered.
func postingsIn(ps []posting, chunks map[int]chunk) []posting {
	var out []posting
	for start := 0; start < len(ps); {
		w := ps[start].w
		end := start + sort.Search(len(ps)-start, func(i int) bool { return ps[start+i].w != w })
		band := ps[start:end]
		for _, c := range slices.Sorted(maps.Keys(chunks)) {
			i := sort.Search(len(band), func(i int) bool { return band[i].c >= int32(c) })
			for ; i < len(band) && band[i].c == int32(c); i++ {
				out = append(out, band[i])
			}
		}
		start = end
	}
	return out
}

// replace returns the index with the chunks given by number written again.
func (x *Index) replace(chunks map[int]chunk) *Index {
	y := &Index{meta: x.meta, articles: x.articles, list: x.list, site: x.site, terms: maps.Clone(x.terms), of: slices.Clone(x.of),
		files: maps.Clone(x.files), groups: maps.Clone(x.groups)}
	now := map[string][]posting{}
	touched := map[string]bool{}
	for c, ch := range chunks {
		y.files[ch.path] = ch.data
		y.of[c] = ch.names
		for _, tp := range ch.terms {
			name := ch.names[tp.id]
			now[name] = append(now[name], posting{int32(c), tp.k, tp.w})
		}
		for _, name := range slices.Concat(x.of[c], y.of[c]) {
			touched[name] = true
		}
	}
	for name := range touched {
		// The old postings but the chunks', merged with the chunks' new
		// ones: both are in order.
		added := now[name]
		slices.SortFunc(added, comparePostings)
		if old := x.terms[name]; old != nil && slices.Equal(postingsIn(old.postings, chunks), added) {
			delete(touched, name) // as it was: a reword changes few of an article's terms
			continue
		}
		var ps []posting
		if old := x.terms[name]; old != nil {
			ps = make([]posting, 0, len(old.postings)+len(added))
			for _, p := range old.postings {
				if _, redone := chunks[int(p.c)]; redone {
					continue
				}
				for len(added) > 0 && comparePostings(added[0], p) < 0 {
					ps, added = append(ps, added[0]), added[1:]
				}
				ps = append(ps, p)
			}
		}
		ps = append(ps, added...)
		if len(ps) == 0 {
			delete(y.terms, name)
			continue
		}
		t := &term{postings: ps}
		t.write(name)
		y.terms[name] = t
	}
	tops := map[string][]string{} // the terms of each group touched, found in one scan
	for name := range touched {
		tops[top(name)] = nil
	}
	for name := range y.terms {
		if group, ok := tops[top(name)]; ok {
			tops[top(name)] = append(group, name)
		}
	}
	for p, group := range tops {
		if len(group) == 0 {
			for _, path := range y.groups[p] {
				delete(y.files, path)
			}
			delete(y.groups, p)
			continue
		}
		sort.Strings(group)
		y.layout(group)
	}
	y.head = y.writeHead()
	y.paths = x.paths
	if len(y.files) != len(x.files) || slices.ContainsFunc(y.paths, func(path string) bool { _, ok := y.files[path]; return !ok }) {
		y.paths = slices.Sorted(maps.Keys(y.files)) // files came or went
	}
	return y
}
