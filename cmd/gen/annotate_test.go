package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var annotationSyntax = regexp.MustCompile(`\[([^\[\]]*)\]\((?:actor|topic|quote|event):[^)\s]*\)`)

// strippedProject is the shipped briefing with its article's annotations
// removed, words kept.
func strippedProject(t *testing.T) (dir, article string) {
	t.Helper()
	dir = copyProject(t)
	article = filepath.Join(dir, "content/articles/zelensky-rejects-us-minerals-proposal.md")
	text := read(t, article)
	if err := os.WriteFile(article, []byte(annotationSyntax.ReplaceAllString(text, "$1")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, article
}

// TestAnnotateDiffAppliesAsWWrites: the diff gen annotate prints, applied
// with git apply, gives the file -w writes; a second run proposes nothing.
func TestAnnotateDiffAppliesAsWWrites(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git to apply the diff with")
	}
	dir, article := strippedProject(t)
	before := read(t, article)
	t.Chdir(dir)
	rel := "content/articles/zelensky-rejects-us-minerals-proposal.md"
	code, diff, stderr := gen(t, "annotate", rel)
	if code != 0 || !strings.HasPrefix(diff, "--- a/"+rel+"\n+++ b/"+rel+"\n@@ ") {
		t.Fatalf("gen annotate: %d\n%s\n%s", code, diff, stderr)
	}
	if read(t, article) != before {
		t.Fatal("without -w the file changed")
	}
	for _, want := range []string{rel + ":75:199: note: quotation “very good”: the text names no speaker", rel + ":75:93: date \"on Friday\" is ~2025-02", rel + ": 106 annotations proposed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	applied := filepath.Join(t.TempDir(), "applied")
	if err := os.MkdirAll(filepath.Join(applied, "content/articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(applied, rel), []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(applied, "x.diff"), []byte(diff), 0o644); err != nil {
		t.Fatal(err)
	}
	apply := exec.Command(git, "apply", "--unsafe-paths", "x.diff")
	apply.Dir = applied
	if out, err := apply.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}

	if code, stdout, stderr := gen(t, "annotate", "-w", rel); code != 0 || !strings.Contains(stdout, "Annotated "+rel+": 106 annotations added") {
		t.Fatalf("gen annotate -w: %d\n%s\n%s", code, stdout, stderr)
	}
	written := read(t, article)
	if want := read(t, filepath.Join(applied, rel)); written != want {
		t.Error("-w wrote something else than the diff gives")
	}
	if annotationSyntax.ReplaceAllString(written, "$1") != before {
		t.Error("the text changed")
	}
	if code, diff, stderr := gen(t, "annotate", rel); code != 0 || diff != "" || !strings.Contains(stderr, ": 0 annotations proposed") {
		t.Errorf("a second run should propose nothing: %d\n%s\n%s", code, diff, stderr)
	}
	if code, _, stderr := gen(t, "check"); code != 0 {
		t.Errorf("the annotated briefing should check: %d\n%s", code, stderr)
	}
}

// TestAnnotateWritesNewActors: -w -new-actors writes the actors the text
// introduces, never over a file, and annotates their names; without -w
// nothing is written.
func TestAnnotateWritesNewActors(t *testing.T) {
	dir := copyProject(t)
	rel := "content/articles/signing.md"
	text := "---\ntitle: Signed\npublished: \"2025-05-01\"\n---\n" +
		"Ukraine's economy minister and deputy prime minister, Yulia Svyrydenko, signed the agreement earlier on April 30 with Treasury Secretary Scott Bessent. The US International Development Finance Corporation (DFC) will manage the fund.\n\n" +
		"Prime Minister Denys Shmyhal said on Ukrainian television that the deal was “a historic step.”\n"
	if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, _, stderr := gen(t, "annotate", rel)
	if code != 0 || !strings.Contains(stderr, rel+":5:55: new actor \"Yulia Svyrydenko\" (person, role \"Ukraine's economy minister and deputy prime minister\")") ||
		!strings.Contains(stderr, `new actor "US International Development Finance Corporation" (organisation, aliases ["DFC"])`) ||
		!strings.Contains(stderr, `new actor "Denys Shmyhal" (person, role "Prime Minister")`) ||
		!strings.Contains(stderr, `date "earlier on April 30" is 2025-04-30`) {
		t.Fatalf("gen annotate: %d\n%s", code, stderr)
	}
	if _, err := os.Stat("content/actors/shmyhal.md"); err == nil {
		t.Fatal("without -w an actor file was written")
	}
	if err := os.WriteFile("content/actors/dfc.md", []byte("---\nname: DFC\nkind: organisation\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := gen(t, "annotate", "-w", "-new-actors", rel)
	if code != 0 || !strings.Contains(stdout, "Created content/actors/shmyhal.md") {
		t.Fatalf("gen annotate -w -new-actors: %d\n%s\n%s", code, stdout, stderr)
	}
	if got := read(t, "content/actors/svyrydenko.md"); !strings.Contains(got, "name: \"Yulia Svyrydenko\"\nkind: person\nrole: \"Ukraine's economy minister and deputy prime minister\"\n") {
		t.Errorf("svyrydenko.md:\n%s", got)
	}
	if got := read(t, "content/actors/dfc.md"); got != "---\nname: DFC\nkind: organisation\n---\n" {
		t.Errorf("an actor file was overwritten:\n%s", got)
	}
	if got := read(t, rel); !strings.Contains(got, "Prime Minister [Denys Shmyhal](actor:shmyhal) said on Ukrainian television that the deal was [“a historic step.”](quote:shmyhal)") {
		t.Errorf("the new actors' names and quotations should be annotated:\n%s", got)
	}
	if code, _, stderr := gen(t, "check"); code != 0 {
		t.Errorf("the briefing with the new actors should check: %d\n%s", code, stderr)
	}
}

// TestAnnotateReportsBadInput: problems come as file:line:col: message,
// the line, and a hint, all of them at once; nothing is proposed.
func TestAnnotateReportsBadInput(t *testing.T) {
	dir := copyProject(t)
	t.Chdir(dir)
	edit(t, dir, "content/topics/minerals-deal.md", func(s string) string {
		return strings.Replace(s, "keywords: [", "keywords: {a: 1}\nkeyword: [", 1)
	})
	if err := os.WriteFile("content/articles/open.md", []byte("---\ntitle: Open\n\nNever closed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := gen(t, "annotate", "content/articles/open.md")
	if code != 1 || stdout != "" {
		t.Fatalf("gen annotate: %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"content/topics/minerals-deal.md:4:1: field \"keywords\" must be a list of text, not ",
		"content/topics/minerals-deal.md:5:1: warning: unknown field \"keyword\" is ignored",
		"hint: did you mean \"keywords\"?",
		"content/articles/open.md:1:1: front matter is opened with --- but never closed",
		"gen annotate: 2 errors; nothing proposed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code, _, stderr := gen(t, "annotate", "content/articles/missing.md"); code != 1 || !strings.Contains(stderr, "missing.md: no such file") {
		t.Errorf("a missing file: %d %s", code, stderr)
	}
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: O\npublished: \"2025\"\n---\nVance.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := gen(t, "annotate", outside); code != 1 || !strings.Contains(stderr, "is outside the project folder") {
		t.Errorf("a file outside the project: %d %s", code, stderr)
	}
	if err := os.Symlink(outside, "content/articles/link.md"); err == nil {
		if code, _, stderr := gen(t, "annotate", "content/articles/link.md"); code != 1 || !strings.Contains(stderr, "link.md") {
			t.Errorf("a link out of the project: %d %s", code, stderr)
		}
	}
	if code, _, _ := gen(t, "annotate"); code != 2 {
		t.Errorf("no file should be a usage error")
	}
	if code, stdout, _ := gen(t, "help", "annotate"); code != 0 || !strings.Contains(stdout, "-new-actors") || !strings.Contains(stdout, "Usage: gen annotate") {
		t.Errorf("gen help annotate: %d\n%s", code, stdout)
	}
}

// TestAnnotateKeepsLineEndings: a file with Windows line endings and a
// byte-order mark keeps them.
func TestAnnotateKeepsLineEndings(t *testing.T) {
	dir := copyProject(t)
	t.Chdir(dir)
	rel := "content/articles/crlf.md"
	text := "\xef\xbb\xbf---\r\ntitle: CRLF\r\npublished: \"2025-02-15\"\r\n---\r\nZelensky met Vance.\r\n\r\nKellogg said “no.”\r\n"
	if err := os.WriteFile(rel, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := gen(t, "annotate", "-w", rel); code != 0 {
		t.Fatalf("gen annotate -w: %d\n%s", code, stderr)
	}
	want := "\xef\xbb\xbf---\r\ntitle: CRLF\r\npublished: \"2025-02-15\"\r\n---\r\n[Zelensky](actor:zelensky) met [Vance](actor:vance).\r\n\r\n[Kellogg](actor:kellogg) said [“no.”](quote:kellogg)\r\n"
	if got := read(t, rel); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
