// Package suggest proposes the annotations a writer would add to an
// article: the logic of gen annotate. What it proposes is meant to be
// reviewed as a diff, so it is conservative: a name it does not know, a
// description that fits two sources or a quotation whose speaker the
// text does not name is listed for the writer, not guessed.
//
// # What it never does
//
// It only adds annotation syntax, "[" before words and "](kind:id)" after
// them: removing every annotation it proposes gives the file back byte
// for byte. It proposes nothing inside an annotation or a link already
// there, nor inside anything in brackets (footnote references, images),
// code, autolinks or HTML tags, and never around words that hold markup
// or run across lines, nor where brackets would change how their
// neighbours read: after "!" or a backslash, beside another bracket (but
// a footnote reference), emphasis marks or a straight quote the
// typographer would then turn the other way. A fuzz test holds it to
// this with the build's own parser. Headings, tables, code
// blocks and footnote definitions are left alone; paragraphs and list
// items are read, as the build numbers them. What it proposes is
// annotated on a second run, so that run proposes nothing (idempotence).
//
// # Actors
//
// Known actors' names are found by the rules of the missed-mention check
// (model.Names): an actor's name, each alias, and a person's surname of
// four letters or more, as whole words, capitals included; where names
// overlap the longest wins, so "Treasury Secretary Scott Bessent" is one
// span if an alias covers it and "Scott Bessent" otherwise. A name listed
// in the article's not_mentions is skipped. Every occurrence outside an
// annotation is proposed, not only the first of a paragraph.
//
// Anonymous sources (kind anonymous) are found by their descriptions. An
// anonymous actor's name is read as describing words and a noun, its last
// word ("Current senior Ukrainian official": noun "official"). A phrase
// describes it when it is a determiner (a, an, the, one, another), words
// each of which the name has, and the noun: "a senior official", "the
// official", "one former senior official"; or the name itself in any
// capitals ("senior Ukrainian officials"). "Unnamed" in a name need not
// be said; "former" must be (a senior official is a current one unless
// called former). A "from the White House" after the noun narrows the
// sources it fits to those whose names have those words. When a phrase
// fits several sources: "a"/"one" means the one not yet named, if only
// one is; "the", or a phrase all of whose sources were named, means the
// one named last; otherwise it is listed for the writer.
//
// # Topics
//
// A topic file's keywords: list gives the words that mention it, matched
// as whole words in any capitals, the longest first. Where a keyword and
// a name overlap the longer wins, the name on a tie.
//
// # Quotations
//
// A quotation is text between curly double quotes, or between straight
// ones that open after a space (or at the start) and close before a
// space, punctuation or the end, within one paragraph. Names inside it are
// not annotated: the quotation is, and the build counts the names in it.
// Its speaker is found in its sentence, in this order:
//
//  1. a reporting clause right after it: "…,” Zelensky said", "…,” said
//     Bessent", "…,” the official noted", "…,” he added";
//  2. the last reporting verb before it: the speaker is the actor named
//     nearest before that verb ("Hughes emphasized that the White House
//     views “…”" is Hughes's), passing over an apposition set off by
//     commas ("Orynchak, founder of the Association, previously noted,
//     “…”"); a passive ("was described as “…”") names no speaker;
//  3. "according to X" anywhere in the sentence;
//  4. a reporting clause after the last quotation of the sentence
//     ("preparing a “counter proposal” … in “the near future,” the
//     official noted").
//
// "He" or "she" means the speaker of the paragraph's previous quotation,
// or else the person named last before it (an anonymous source counts,
// unless its noun is plural). The quotation is filed under the topics its
// paragraph mentions, annotated or proposed, in order (?topic=a,b). A
// quotation with no speaker found is listed, with its position.
//
// # New actors
//
// Names the known ones do not cover are proposed as actor files when the
// text gives them a title or a role: "Prime Minister Denys Shmyhal"
// (person, role "Prime Minister"), "Ukraine's economy minister and deputy
// prime minister, Yulia Svyrydenko" or "Yulia Svyrydenko, Ukraine's
// economy minister," (person, that role), and "US International
// Development Finance Corporation (DFC)" (organisation, or government for
// a ministry, council or the like; alias "DFC"). A person's id is the
// surname, an organisation's its initials. With Options.NewActors they
// are treated as known for the run, so their names and quotations are
// annotated too.
//
// # Dates
//
// Date expressions are listed with what they resolve to against the
// article's published date, in the form an event's date takes, never
// more precise than the two allow: "on Friday", "yesterday", "today" by
// dates.Relative when published is a day, and only about the month of
// publication ("~2025-02") when it is a month; "last week" is the Monday
// to Sunday before the week of publication; "last month" and "in April"
// are months, "April 30" and "30 April" days (of publication's year, or
// the year before if the day would come after publication); "next
// week", "soon" and "in the near future" are pending.
package suggest
