// Package model is a briefing's cross-reference index: actors, topics,
// articles, events, quotes and mentions, linked to each other and to the
// paragraphs they come from.
//
// A build decodes each file's front matter (Decode*), renders each body
// to HTML while collecting its annotations (outside this package), then
// calls Link once. Link resolves every id, attributes every quote, orders
// everything for reading, and reports every problem it finds with the
// file position of the offending text. Nothing here does I/O.
//
// What changes, and when:
//   - Decode* return new values, which Link takes for its own: it fills
//     in their links (an actor's passages and quotes, an article's
//     events) and returns the Briefing that holds them. Give each Link
//     values decoded for it; the documents and annotation results they
//     were decoded from are only read, and may be shared between builds.
//   - Once Link returns, reading the Briefing changes nothing, so any
//     number of goroutines may render from it at once.
//   - Reword and Reannotate change a linked Briefing in place, to take in
//     an edited article without linking anew. Each either applies the
//     whole edit or, reporting false, changes nothing. No goroutine may
//     read the Briefing while they run; afterwards it is the linked model
//     of the edited files, as Link would have made it.
//
// Event ids are global. Any article may reference any event, and each
// article that declares or references one is a Report of it. Declaring
// an id an earlier article declared updates the event (Link takes the
// declarations by publication, then slug): its date, time and title
// replace the earlier ones, its actors and topics join theirs, and the
// reports keep what each article said. An event may also have a file of
// its own (DecodeEvent, LinkWithEvents): its first declaration, whatever
// the dates, with a description.
//
// Besides what the articles show, an actor's file may record positions:
// the analyst's reading of where the actor stands on a topic, from an
// article or date on (Position). Link checks them with the rest, and the
// stance matrix (Stance) puts them beside the quotes and mentions.
//
// Each thing knows its page: Path returns a site-relative file path such
// as "actors/zelensky/index.html", which the renderer turns into a link
// relative to the page that shows it.
//
// An event's page is the timeline page that shows it. Link lays the
// timeline out (Briefing.Timeline): one page, timeline/index.html, while
// the events fit in TimelineBudget; else a page per year, a page per
// month where a year's events do not fit, and parts of a month, cut
// between days where possible, where a month's do not. The layout is a
// function of the linked events alone (their dates, order and what they
// show), so every link to an event that goes through Event.Path (search,
// feeds, exports, the book, every page) names the page that shows it.
// Link also points the event links the converter wrote into rendered
// profiles, overviews and descriptions ("timeline/index.html#id") at
// those pages; articles' bodies, kept as converted, are pointed there as
// they are shown (Briefing.EventLinked). The layout and the events' pages are read-only after
// Link, but for Reannotate, which lays the timeline out again as the
// events' reports change; a builder that keeps a model compares layouts
// (TimelineLayout.Moves) to know when links elsewhere may be stale.
package model
