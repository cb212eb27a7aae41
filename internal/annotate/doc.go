// Package annotate is the goldmark extension for a briefing's inline
// annotations. An annotation is an ordinary Markdown link whose
// destination names what the linked words are about, so an annotated file
// still reads, and previews on GitHub, as plain Markdown:
//
//	[Zelensky](actor:zelensky)                   a mention of an actor
//	[rare earth minerals](topic:minerals-deal)   a mention of a topic
//	[his visit to Kyiv](event:bessent-kyiv-visit) a reference to an event
//	[“Not going to happen.”](quote:kellogg)       a quotation and its speaker
//	[“…”](quote:kellogg?topic=negotiation-format,security-guarantees)
//
//	[«Ні.»](<quote:zelenskyi?translation=No.>)   a quotation and its translation
//
// A quote without ?topic= takes the topics mentioned in its paragraph; the
// model applies that rule, this package only records what was written.
// A quote's &translation= (once, not empty; <…> around the target lets it
// hold spaces) is its words in the site's language, rendered after the
// quote in brackets, with the language and direction the Resolver gives.
//
// Parsing never fails: a malformed annotation is recorded as written, with
// its byte offset, and the model reports it with a file position. Every
// paragraph outside footnotes is numbered in document order and rendered
// with a citable anchor (id="p3") and a ¶3 mark; every annotation records
// the number of the paragraph it sits in (0 outside any paragraph, as in a
// heading).
//
// The extension knows nothing about the site: a Resolver supplied by the
// caller turns annotations into links.
package annotate
