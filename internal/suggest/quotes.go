package suggest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// findQuotes finds the quotations of a paragraph: text between curly
// double quotes, or between straight ones that open after a space or at
// the start and close before a space, punctuation or the end. A
// quotation that holds or cuts markup (an annotation already there) is
// left alone, as is one whose marks do not pair up.
func findQuotes(p *paragraph) []span {
	t := p.text
	var out []span
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		var end int
		switch {
		case r == '“':
			end = closingCurly(t, i+n)
		case r == '"' && opensStraight(t, i):
			end = closingStraight(t, i+n)
		}
		if end <= 0 {
			i += n
			continue
		}
		s := span{i, end}
		words := t[i:end]
		if !p.masked(s) && p.contiguous(s) && strings.TrimSpace(strings.Trim(words, "“”\"")) != "" && !strings.ContainsAny(words, "[]\\") && safeEdges(p, s) {
			out = append(out, s)
		}
		i = end
	}
	return out
}

// closingCurly is the end of the ” closing a quotation whose text starts
// at from, or -1.
func closingCurly(t string, from int) int {
	c := strings.IndexAny(t[from:], "“”")
	if c < 0 || strings.HasPrefix(t[from+c:], "“") {
		return -1
	}
	return from + c + len("”")
}

func opensStraight(t string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(t[i+1:])
	// The words start at once, as the typographer wants them to turn the
	// mark into an opening quote inside the brackets too.
	return (i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-", before)) && (unicode.IsLetter(after) || unicode.IsDigit(after))
}

func closingStraight(t string, from int) int {
	for j := from; j < len(t); j++ {
		if t[j] != '"' {
			continue
		}
		after, _ := utf8.DecodeRuneInString(t[j+1:])
		before, _ := utf8.DecodeLastRuneInString(t[:j])
		if unicode.IsSpace(before) {
			return -1 // "0 " closes nothing the typographer would close
		}
		if j+1 == len(t) || unicode.IsSpace(after) || unicode.IsPunct(after) {
			return j + 1
		}
		return -1
	}
	return -1
}

// abbreviations end with a period that ends no sentence.
var abbreviations = map[string]bool{"Gen": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sen": true, "Rep": true,
	"Gov": true, "Lt": true, "Col": true, "Sgt": true, "St": true, "Jr": true, "Sr": true, "No": true, "vs": true, "Prof": true, "Adm": true}

// sentences splits text at a period, question or exclamation mark (and
// any closing quotes after it) followed by a space and a capital or an
// opening quote, not inside a quotation, not after an abbreviation or
// an initial ("U.S.").
func sentences(t string, quotes []span) []span {
	var out []span
	start := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := i + 1
		for end < len(t) {
			r, n := utf8.DecodeRuneInString(t[end:])
			if r != '”' && r != '’' && r != '"' && r != '\'' {
				break
			}
			end += n
		}
		inside := false
		for _, q := range quotes {
			if q.start < i && i < q.end && end != q.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		if end >= len(t) || t[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[end:], " "))
		if !unicode.IsUpper(next) && next != '“' && next != '"' && next != '[' {
			continue
		}
		if c == '.' {
			ws := wordsOf(t[start:i])
			if len(ws) > 0 {
				w := t[start+ws[len(ws)-1].start : start+ws[len(ws)-1].end]
				if start+ws[len(ws)-1].end == i && (abbreviations[w] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])) {
					continue
				}
			}
		}
		out = append(out, span{start, end})
		start = end
	}
	return append(out, span{start, len(t)})
}

func sentenceOf(ss []span, q span) span {
	for _, s := range ss {
		if s.start <= q.start && q.start < s.end {
			return span{s.start, max(s.end, q.end)}
		}
	}
	return span{0, q.end}
}

// Reporting verbs: the words that say someone said something.
var (
	verbs = `said|says|say|stated|states|added|adds|noted|notes|remarked|remarks|told|tells|explained|explains|` +
		`emphasized|emphasised|emphasizes|emphasises|stressed|stresses|underscored|underlined|insisted|insists|argued|argues|` +
		`warned|warns|wrote|writes|asked|asks|replied|replies|responded|responds|answered|answers|declared|declares|` +
		`announced|announces|indicated|indicates|characterized|characterised|described|describes|called|calls|conveyed|` +
		`suggested|suggests|claimed|claims|acknowledged|recalled|observed|commented|continued|concluded|urged|posted|` +
		`confirmed|predicted|promised|vowed|admitted|testified|joked|quipped`
	verbPattern     = regexp.MustCompile(`\b(?:` + verbs + `)\b`)
	verbFirst       = regexp.MustCompile(`^(?:` + verbs + `)\b\s*`)
	verbSoon        = regexp.MustCompile(`^[\s,]*(?:\p{L}+\s+){0,3}?(?:` + verbs + `)\b`)
	passive         = regexp.MustCompile(`\b(?:was|were|been|being|is|are|be)\s+(?:\p{L}+ly\s+)?$`)
	accordingTo     = regexp.MustCompile(`\b[Aa]ccording to\s+$`)
	appositiveWords = map[string]bool{"previously": true, "also": true, "later": true, "then": true, "again": true, "earlier": true,
		"once": true, "has": true, "had": true, "have": true, "recently": true, "repeatedly": true, "publicly": true}
)

// attribute names the speaker of quotation q in sentence s, or "":
//  1. a reporting clause right after it: "…,” Zelensky said", "…,” said
//     Bessent", "…,” the official noted";
//  2. else the speaker of the last reporting verb before it in the
//     sentence: the actor named nearest before the verb ("Hughes
//     emphasized that the White House views “…”"), passing over an
//     apposition ("Orynchak, founder of the Association, noted, “…”");
//     not a passive ("was described as “…”");
//  3. else "according to X" anywhere in the sentence;
//  4. else a reporting clause after the sentence's last quotation.
//
// refs are the actors named in the paragraph, pronouns resolved to the
// person named last before them.
func attribute(t string, q, s span, quotes []span, refs []ref) string {
	if id := after(t, q, s, quotes, refs); id != "" {
		return id
	}
	if id := before(t, q, s, quotes, refs); id != "" {
		return id
	}
	for _, r := range refs {
		if s.start <= r.start && r.end <= s.end && accordingTo.MatchString(t[s.start:r.start]) {
			return r.id
		}
	}
	if last := quotes[len(quotes)-1]; last != q {
		return after(t, last, s, quotes, refs)
	}
	return ""
}

// after reads a reporting clause right after q.
func after(t string, q, s span, quotes []span, refs []ref) string {
	end := s.end
	for _, o := range quotes {
		if o.start >= q.end && o.start < end {
			end = o.start
		}
	}
	clause := t[q.end:end]
	lead := len(clause) - len(strings.TrimLeft(clause, " ,"))
	at := q.end + lead
	for _, r := range refs {
		if r.start == at && verbSoon.MatchString(t[r.phraseEnd():end]) {
			return r.id
		}
	}
	if m := verbFirst.FindStringIndex(t[at:end]); m != nil {
		for _, r := range refs {
			if r.start == at+m[1] {
				return r.id
			}
		}
	}
	return ""
}

// before reads the reporting verb before q in its sentence.
func before(t string, q, s span, quotes []span, refs []ref) string {
	var verb []int
	for _, m := range verbPattern.FindAllStringIndex(t[s.start:q.start], -1) {
		at := []int{s.start + m[0], s.start + m[1]}
		inQuote := false
		for _, o := range quotes {
			if o.start <= at[0] && at[0] < o.end {
				inQuote = true
			}
		}
		if !inQuote {
			verb = at
		}
	}
	if verb == nil || passive.MatchString(t[s.start:verb[0]]) {
		return ""
	}
	nearest := func(limit int) int {
		best := -1
		for i, r := range refs {
			if r.start >= s.start && r.phraseEnd() <= limit && (best < 0 || r.phraseEnd() > refs[best].phraseEnd()) {
				best = i
			}
		}
		return best
	}
	i := nearest(verb[0])
	if i < 0 {
		return ""
	}
	gap := t[refs[i].phraseEnd():verb[0]]
	bare := true
	for _, w := range strings.Fields(gap) {
		if w = strings.ToLower(strings.Trim(w, ",")); w != "" && !appositiveWords[w] {
			bare = false
		}
	}
	if bare && strings.Contains(gap, ",") {
		// "X, founder of Y, noted": the speaker is before the apposition.
		if open := strings.LastIndex(t[s.start:refs[i].start], ","); open >= 0 {
			if j := nearest(s.start + open); j >= 0 {
				return refs[j].id
			}
		}
	}
	return refs[i].id
}
