// Package suggest proposes the annotations a writer would add to an
// article, for gen annotate. It only ever adds annotation syntax around
// words already there: stripping every annotation it proposes gives the
// text back byte for byte, and it proposes nothing inside an annotation,
// a link, brackets, code or HTML, so a second run proposes nothing.
//
// (The full specification follows in a later commit.)
package suggest
