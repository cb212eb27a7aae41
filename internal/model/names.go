package model

// Names finds actors' names in text by the rules of the missed-mention
// check (an actor's name, each alias, a person's surname of four letters
// or more; whole words, capitals included; the first actor to claim a
// name keeps it), taking the longest name at each word. The annotation
// proposer uses it, so a name it proposes is a name the check would have
// warned about, and no other.
type Names struct {
	idx nameIndex
}

// NameMatch is one name found: the byte range in the text searched, and
// its actor.
type NameMatch struct {
	Start, End int
	Actor      *Actor
}

// NewNames indexes the names of actors.
func NewNames(actors []*Actor) *Names { return &Names{idx: newNameIndex(actors)} }

// Find returns the names in text, left to right, never overlapping: at
// each word the longest name that starts there wins, and the search goes
// on after it.
func (n *Names) Find(text string) []NameMatch {
	var out []NameMatch
	var ws []word
	var key []byte
	n.idx.longest(text, &ws, &key, func(start, end int, a *Actor) {
		out = append(out, NameMatch{start, end, a})
	})
	return out
}

// longest calls found for the longest name at each word of text, left to
// right, skipping the words of each name found; ws and key are buffers
// the caller reuses.
func (idx nameIndex) longest(text string, ws *[]word, key *[]byte, found func(start, end int, a *Actor)) {
	*ws = appendWords((*ws)[:0], text)
	words := *ws
	for w := 0; w < len(words); w++ {
		if !idx.firsts[words[w].text] {
			continue
		}
		var best *Actor
		bestLen := 0
		for _, n := range idx.lengths {
			if n <= bestLen || w+n > len(words) {
				continue
			}
			*key = joinWords((*key)[:0], words[w:w+n])
			if actor, ok := idx.names[string(*key)]; ok {
				best, bestLen = actor, n
			}
		}
		if best == nil {
			continue
		}
		found(words[w].start, words[w+bestLen-1].end, best)
		w += bestLen - 1
	}
}

// NotMentions are the names the article says name no actor.
func (a *Article) NotMentions() []string { return a.notMentions }
