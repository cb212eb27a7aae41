package suggest

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/briefing-gen/gen/internal/model"
)

// New actors are found three ways, each giving what the text says of
// them:
//   - a title before a name of two or three capitalised words: "Prime
//     Minister Denys Shmyhal" is a person, role "Prime Minister", with a
//     possessive or adjective before the title kept in the role
//     ("Ukraine's economy minister");
//   - a role after or before a name, set off by a comma: "Ukraine's
//     economy minister and deputy prime minister, Yulia Svyrydenko";
//     "Yulia Svyrydenko, Ukraine's economy minister,";
//   - an organisation's name of capitalised words followed by its
//     initials in brackets: "US International Development Finance
//     Corporation (DFC)", aliased by them.
//
// A name the known actors' names already cover is not new.

var (
	titles = `(?:(?:Deputy |Vice |Acting |Former |Special )?(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|` +
		`Finance Minister|Economy Minister|Energy Minister|Secretary of State|Treasury Secretary|Defense Secretary|Secretary|Chancellor|` +
		`Senator|Sen\.|Rep\.|Representative|Ambassador|Gen\.|General|Admiral|Commissioner|Governor|Mayor|Speaker|Envoy|` +
		`Director|Chairman|Chairwoman|Chair|Spokesperson|Spokesman|Spokeswoman|spokesperson|spokesman|spokeswoman|` +
		`Commander|Chief of Staff|Adviser|Advisor|King|Queen|Prince|Foreign Secretary|Home Secretary))`
	properName  = `[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+){1,2}`
	titledName  = regexp.MustCompile(`(?:([\p{Lu}][\p{L}]*(?:’s|'s)|[\p{Lu}][\p{L}]*(?:ian|ese|ish|an)|US|U\.S\.|UK|EU)\s+)?(` + titles + `(?:\s+(?:of|for)\s+[\p{Lu}][\p{L}]+)*)\s+(` + properName + `)`)
	roleNouns   = `(?:minister|secretary|president|spokesperson|spokesman|spokeswoman|envoy|ambassador|adviser|advisor|chief|director|founder|head|chair|chairman|leader|governor|commander|mayor|chancellor|representative|negotiator|official)`
	roleThen    = regexp.MustCompile(`((?:[\p{L}’'-]+\s+){0,7}?` + roleNouns + `),\s+(` + properName + `)\b`)
	nameThen    = regexp.MustCompile(`(` + properName + `),\s+((?:[\p{L}’'-]+\s+){0,7}?` + roleNouns + `)(?:[,.;]|\s+(?:of|for|at)\b)`)
	initialised = regexp.MustCompile(`((?:[\p{Lu}][\p{L}&’'-]*\s+)(?:(?:[\p{Lu}][\p{L}&’'-]*|of|for|and|the|on)\s+){0,8}[\p{Lu}][\p{L}&’'-]*)\s+\(([\p{Lu}][\p{Lu}0-9&]{1,9})\)`)
	roleStop    = map[string]bool{"said": true, "says": true, "by": true, "with": true, "to": true, "that": true, "as": true, "from": true,
		"the": true, "a": true, "an": true, "for": true, "on": true, "in": true, "at": true, "told": true, "when": true, "while": true, "who": true}
	governmentWords = []string{"Ministry", "Department", "Government", "Council", "Agency", "Administration", "Parliament", "Cabinet", "Office", "Commission"}
)

func newActors(in Input, paras []*paragraph, k *Known) []NewActor {
	var out []NewActor
	add := func(n NewActor) {
		if first, _, _ := strings.Cut(n.Name, " "); leadWords[first] || sentenceWords[first] {
			return // "In Washington, the White House official,"
		}
		if n.ID == "" || k.byID[n.ID] != nil || k.covers(n.Name) || slices.ContainsFunc(n.Aliases, k.covers) {
			return
		}
		for i, o := range out {
			if o.ID == n.ID || o.Name == n.Name {
				if out[i].Role == "" {
					out[i].Role = n.Role
				}
				return
			}
		}
		out = append(out, n)
	}
	for _, p := range paras {
		text, plainAt := p.plain()
		at := func(i int) int { return in.BodyOffset + p.at[plainAt[i]] }
		for _, m := range titledName.FindAllStringSubmatchIndex(text, -1) {
			role := text[m[4]:m[5]]
			if m[2] >= 0 && modifier(text[m[2]:m[3]]) {
				role = text[m[2]:m[3]] + " " + role
			}
			name := text[m[6]:m[7]]
			add(NewActor{ID: personID(name), Name: name, Kind: "person", Role: role, Offset: at(m[6])})
		}
		for _, m := range roleThen.FindAllStringSubmatchIndex(text, -1) {
			name := text[m[4]:m[5]]
			add(NewActor{ID: personID(name), Name: name, Kind: "person", Role: trimRole(text[m[2]:m[3]]), Offset: at(m[4])})
		}
		for _, m := range nameThen.FindAllStringSubmatchIndex(text, -1) {
			name := text[m[2]:m[3]]
			add(NewActor{ID: personID(name), Name: name, Kind: "person", Role: trimRole(text[m[4]:m[5]]), Offset: at(m[2])})
		}
		for _, m := range initialised.FindAllStringSubmatchIndex(text, -1) {
			name, short := strings.TrimSpace(text[m[2]:m[3]]), text[m[4]:m[5]]
			name = trimToInitials(name, short)
			if name == "" {
				continue
			}
			kind := "organisation"
			if slices.ContainsFunc(governmentWords, func(w string) bool { return strings.Contains(name, w) }) {
				kind = "government"
			}
			add(NewActor{ID: strings.ToLower(short), Name: name, Kind: kind, Aliases: []string{short}, Offset: at(m[2])})
		}
	}
	return out
}

// covers reports whether known names account for all of name.
func (k *Known) covers(name string) bool {
	for _, m := range k.names.Find(name) {
		if m.Start == 0 && m.End == len(name) || m.End-m.Start > len(name)/2 {
			return true
		}
	}
	return false
}

// modifier reports whether a word before a title belongs to the role:
// a possessive ("Ukraine’s") or a nationality ("Ukrainian", "US").
func modifier(w string) bool {
	if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") {
		return true
	}
	if strings.ToUpper(w) == w && len(w) <= 4 {
		return true
	}
	for _, end := range []string{"ian", "ese", "ish", "ch", "an"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// trimRole keeps the end of a role phrase, from after the last word that
// cannot be part of it.
func trimRole(role string) string {
	ws := strings.Fields(role)
	from := 0
	for i, w := range ws {
		lw := strings.ToLower(w)
		if roleStop[lw] || (unicode.IsUpper([]rune(w)[0]) && !modifier(w) && i < len(ws)-1) {
			from = i + 1
		}
	}
	return strings.Join(ws[from:], " ")
}

// trimToInitials drops the words before an organisation's name ("On
// Tuesday the US International Development Finance Corporation" keeps
// the name from "US"), and "" if its capitals do not spell the initials.
func trimToInitials(name, short string) string {
	ws := strings.Fields(name)
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == "the" {
			ws = ws[i+1:]
			break
		}
	}
	for len(ws) > 1 && leadWords[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) < 2 || !subsequence(short, initialsOf(ws)) {
		return ""
	}
	return strings.Join(ws, " ")
}

// sentenceWords start sentences and clauses, not names.
var sentenceWords = map[string]bool{"When": true, "While": true, "After": true, "Before": true, "Since": true, "As": true, "If": true,
	"Under": true, "For": true, "From": true, "With": true, "Without": true, "During": true, "Meanwhile": true, "However": true,
	"Last": true, "This": true, "That": true, "Earlier": true, "Later": true, "Speaking": true, "Asked": true, "According": true}

var leadWords = map[string]bool{"The": true, "On": true, "In": true, "At": true, "A": true, "An": true, "And": true, "But": true, "By": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

func initialsOf(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func subsequence(short, of string) bool {
	i := 0
	for _, r := range of {
		if i < len(short) && rune(short[i]) == r {
			i++
		}
	}
	return i == len(short)
}

// personID is a person's id: the surname, as the shipped actors have it,
// in the letters ids allow.
func personID(name string) string {
	ws := strings.Fields(name)
	if id := toID(ws[len(ws)-1]); id != "" {
		return id
	}
	return toID(name)
}

// toID makes text an id: lowercase ASCII letters and digits, hyphens
// between words; other letters are dropped.
func toID(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		case r == ' ' || r == '-':
			hyphen = true
		}
	}
	id := b.String()
	if !model.ValidID(id) {
		return ""
	}
	return id
}
