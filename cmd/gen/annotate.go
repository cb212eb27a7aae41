package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/projectfs"
	"github.com/briefing-gen/gen/internal/suggest"
)

func annotateCmd(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("annotate", `Usage: gen annotate [-root DIR] [-d | -w] [-new-actors] FILE...

Proposes the annotations a writer would add to each article FILE, as a
unified diff on stdout (apply it with git apply or patch -p1), or written
into the files with -w. It only adds annotation syntax around words already
there, never touches an annotation already made, and a second run proposes
nothing. It proposes:
  - [name](actor:id) for every unannotated name, alias or surname of a known
    actor, and for descriptions of anonymous sources ("a senior official");
  - [words](topic:id) for the keywords: listed in content/topics/*.md;
  - [“…”](quote:speaker?topic=a,b) for quotations whose reporting clause
    names the speaker, with the topics of their paragraph.
On stderr it lists, each at file:line:col, what is left to the writer:
quotations whose speaker the text does not name, dates ("on Friday",
"last week") resolved against published for the events: block, and new
actors the text introduces ("Prime Minister Denys Shmyhal"). With
-new-actors their names are annotated too, and with -w -new-actors their
files are written to content/actors/.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder`, whose content/actors/ and content/topics/ are the known actors and topics")
	write := flags.Bool("w", false, "write the annotations into the files instead of printing a diff")
	flags.Bool("d", true, "print the proposals as a unified diff (the default; -w writes them instead)")
	newActors := flags.Bool("new-actors", false, "annotate the new actors the text introduces too; with -w, write their files to content/actors/")
	if code := parse(flags, args, math.MaxInt); code >= 0 {
		return code
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	fsys, err := projectfs.Open(*root)
	if err != nil {
		fmt.Fprintf(stderr, "gen annotate: -root %v\n", err)
		return 1
	}
	defer fsys.Close()

	var list diag.List
	actors, topics := suggest.Load(fsys, &list)
	var inputs []suggest.Input
	originals := map[string][]byte{}
	for _, name := range flags.Args() {
		name = filepath.ToSlash(filepath.Clean(name))
		src, err := readInProject(fsys, *root, name)
		if err != nil {
			fmt.Fprintf(stderr, "gen annotate: %v\n", err)
			return 1
		}
		originals[name] = src
		inputs = append(inputs, suggest.Read(name, src, &list))
	}
	read := func(file string) ([]byte, error) {
		if src, err := os.ReadFile(file); err == nil {
			return src, nil
		}
		return fs.ReadFile(fsys, file)
	}
	if list.HasErrors() {
		items := list.Items()
		printReports(stderr, diag.Reports(items, read))
		fmt.Fprintf(stderr, "gen annotate: %s; nothing proposed\n", diag.Count(items, diag.Error))
		return 1
	}

	known := suggest.NewKnown(actors, topics)
	failed := false
	var proposed []suggest.NewActor
	for _, in := range inputs {
		res := suggest.Suggest(in, known, suggest.Options{NewActors: *newActors})
		report(stderr, in, res, *write && *newActors)
		proposed = append(proposed, res.NewActors...)
		original := originals[in.Path]
		out := res.ApplyTo(original) // keeping its line endings
		if !*write {
			fmt.Fprint(stdout, suggest.Diff(in.Path, original, out))
			continue
		}
		if len(res.Edits) == 0 {
			continue
		}
		if err := replaceFile(in.Path, out); err != nil {
			fmt.Fprintf(stderr, "gen annotate: %v\n", err)
			failed = true
			continue
		}
		fmt.Fprintf(stdout, "Annotated %s: %s added\n", in.Path, count(len(res.Edits), "annotation"))
	}
	if *write && *newActors {
		for _, a := range dedupe(proposed) {
			path, err := suggest.WriteActor(*root, a)
			switch {
			case errors.Is(err, fs.ErrExist):
				fmt.Fprintf(stderr, "gen annotate: %s already exists; not written\n", path)
			case err != nil:
				fmt.Fprintf(stderr, "gen annotate: %v\n", err)
				failed = true
			default:
				fmt.Fprintf(stdout, "Created %s\n", path)
			}
		}
	}
	if failed {
		return 1
	}
	return 0
}

// report lists on w what the writer is left to decide in one article.
func report(w io.Writer, in suggest.Input, res *suggest.Result, writingActors bool) {
	lines := diag.NewLines(in.Path, in.Src)
	at := func(offset int) string {
		p := lines.Pos(offset)
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "%s: note: %s\n", at(n.Offset), n.Message)
	}
	for _, d := range res.Dates {
		fmt.Fprintf(w, "%s: date %q is %s: %s\n", at(d.Offset), d.Words, d.Date, d.How)
	}
	for _, a := range res.NewActors {
		what := a.Kind
		if a.Role != "" {
			what += fmt.Sprintf(", role %q", a.Role)
		}
		if len(a.Aliases) > 0 {
			what += fmt.Sprintf(", aliases %q", a.Aliases)
		}
		next := "gen annotate -w -new-actors writes content/actors/" + a.ID + ".md"
		if writingActors {
			next = "writing content/actors/" + a.ID + ".md"
		}
		fmt.Fprintf(w, "%s: new actor %q (%s): %s\n", at(a.Offset), a.Name, what, next)
	}
	parts := []string{count(len(res.Edits), "annotation") + " proposed"}
	if n := len(res.Notes); n > 0 {
		parts = append(parts, fmt.Sprintf("%d left to you", n))
	}
	if n := len(res.Dates); n > 0 {
		parts = append(parts, count(n, "date"))
	}
	if n := len(res.NewActors); n > 0 {
		parts = append(parts, count(n, "new actor"))
	}
	fmt.Fprintf(w, "%s: %s\n", in.Path, strings.Join(parts, ", "))
}

func dedupe(actors []suggest.NewActor) []suggest.NewActor {
	seen := map[string]bool{}
	var out []suggest.NewActor
	for _, a := range actors {
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

// replaceFile writes data over the file at name in one step: into a
// temporary file beside it, renamed over it, keeping its permissions.
func replaceFile(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Chmod(info.Mode().Perm()), tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// count is "1 date", "2 dates".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// readInProject reads the file at name (relative to the current folder)
// through the project's file system, as every file gen reads: it must be
// inside the project folder, a regular file, within the size limit.
func readInProject(fsys fs.FS, root, name string) ([]byte, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("%s is outside the project folder %s: pass the project's folder with -root", name, root)
	}
	src, err := fs.ReadFile(fsys, filepath.ToSlash(rel))
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return nil, fmt.Errorf("%s: %w", name, pathErr.Err)
	}
	if err != nil {
		return nil, err
	}
	return src, nil
}
