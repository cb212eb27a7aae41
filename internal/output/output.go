// Package output puts a built site into its folder, all or nothing.
//
// The output folder (public/) is never written in place. Beside it gen
// keeps a folder of its own, named after it (.public.gen/), holding a
// spare tree:
//
//	public/               the site readers see
//	public/.gen-manifest  JSON: every file gen wrote into public/
//	.public.gen/spare/    the next site while a build assembles it; after
//	                      the switch, the previous one
//
// While a build writes, it holds a lock (flock) on the folder that holds
// both; a second build waits for it.
//
// A build makes spare/ hold exactly the new site: a file whose bytes did
// not change is a hard link to the one in public/ (no copy, and it keeps
// its modification time), a changed file is written as a new file, and
// anything else in spare/ is removed. Only then do spare/ and public/
// trade places, in one atomic rename (renameat2 with RENAME_EXCHANGE on
// Linux). Whatever opens public/ by its path (a reader, a web server), and
// a build killed at any moment, sees the old site or the new one, never a
// mix, and a failed build leaves public/ as it was. (A process that holds
// public/ itself open, as its working folder say, keeps the folder it
// had, which after the switch is the spare tree.) The next build starts from the previous site left in spare/,
// most of whose files are already the right hard links: a rebuild that
// changes one article touches a handful of files, and no build deletes
// the old site file by file (on this project's machines, creating or
// deleting 10,000 files costs more than rendering them).
//
// A file in spare/ is never written in place: it is removed and created
// anew, because it may share its bytes with public/ through a hard link.
// Symbolic links are never followed, in either tree.
//
// What gen owns: the files the manifest lists. Any other file in public/
// is the user's: it is carried into every new site as it is (hard-linked,
// or a symbolic link as a link), as are the user's folders, with their
// permissions, and a build that would write over it
// fails, naming it, unless Options.Force. A first build into a folder
// that holds files and no manifest fails the same way. Nothing outside the
// output folder and its .gen folder is written or removed: a file path
// that would leave the folder is refused.
//
// Where the file system cannot exchange two folders atomically (not
// Linux, or a file system without RENAME_EXCHANGE), the switch is two
// renames, and for the instant between them the output folder is missing;
// it is still never a mix of two builds.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
)

// Manifest names the file, in the output folder, that lists what gen
// wrote there.
const Manifest = ".gen-manifest"

// ErrAborted is Commit's error after Abort.
var ErrAborted = errors.New("output: the build was stopped")

// File is one output file; Path is slash-separated and relative.
type File struct {
	Path string
	Data []byte
}

// Stats says what a build changed in the output folder.
type Stats struct {
	Written, Unchanged, Removed int
}

// Options say how a build may use its output folder.
type Options struct {
	// Force lets a build write over files in the output folder that gen
	// did not write, and build into a folder gen did not make.
	Force bool

	// Project is the project folder, and Sources the folders and files
	// the build reads (content/, site.toml, ...). The output folder may
	// not be or hold the project, nor be, hold or lie inside a source.
	Project string
	Sources []string

	// Waiting, when set, is called once if another build is writing the
	// same folder, before this one waits for it to finish.
	Waiting func()
}

// Write makes dir hold files: Begin, Add each file, then Commit.
func Write(dir string, files []File, opt Options) (Stats, error) {
	s, err := Begin(dir, opt)
	if err != nil {
		return Stats{}, err
	}
	for _, f := range files {
		s.Add(f)
	}
	return s.Commit()
}

// Staging is one build's output on its way into its folder. Files are
// written into the spare tree as they are added, so a build need not hold
// its pages in memory; Commit switches the trees.
type Staging struct {
	out   string // the output folder, absolute
	work  string // the .gen folder beside it
	spare string
	force bool
	lock  *lock

	live     *tree           // the output folder as it was, or nil
	owned    map[string]bool // the files gen wrote into it, by its manifest
	legacy   bool            // that manifest is of the kind older versions wrote
	oldSpare *tree           // the spare tree as it was

	queue   chan File
	stop    chan struct{} // closed by Abort
	writers sync.WaitGroup
	closed  sync.Once
	dirs    dirMaker

	mu         sync.Mutex
	state      state
	keep       map[string]bool // every path added
	folders    map[string]bool // the folders they are in
	blocked    map[string]bool // entries of the user's in the way, reported
	stats      Stats
	errs       []error
	finished   chan struct{} // closed when Commit or Abort is over
	finishOnce sync.Once
}

type state int

const (
	open state = iota
	committing
	over
)

// writers is how many files are written at once: the disk, not the CPU,
// sets the pace, and a file system overlaps a few writes well.
const writers = 4

// Begin starts a build's output into dir, once no other build is writing
// it. It refuses a dir that is unsafe to write (see Options), and one that
// holds files gen did not write unless Options.Force.
func Begin(dir string, opt Options) (*Staging, error) {
	out, err := checkTarget(dir, opt)
	if err != nil {
		return nil, err
	}
	if err := adoptable(out, opt.Force); err != nil {
		return nil, err // before making anything beside it
	}
	work := workFolder(out)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, fmt.Errorf("%w: gen assembles the new site beside the output folder, in %s, and must be able to write there", err, work)
	}
	if info, err := os.Lstat(work); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: not a folder; gen keeps its spare copy of the site there: remove it", work)
	}
	l, err := acquire(out, opt.Waiting)
	if err != nil {
		return nil, err
	}
	s := &Staging{out: out, work: work, spare: filepath.Join(work, "spare"), force: opt.Force, lock: l,
		keep: map[string]bool{}, folders: map[string]bool{}, blocked: map[string]bool{}, queue: make(chan File, 16*writers), stop: make(chan struct{}), finished: make(chan struct{})}
	if err := s.survey(); err != nil {
		l.release()
		return nil, err
	}
	s.dirs = dirMaker{root: s.spare, made: map[string]bool{}}
	for range writers {
		s.writers.Go(s.write)
	}
	return s, nil
}

// adoptable refuses an output folder that is not a folder, and one that
// holds files but no manifest, unless force: gen does not take over a
// folder it did not make.
func adoptable(out string, force bool) error {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is not a folder: remove it, or build into another folder with -out", out)
	}
	if _, err := os.Lstat(filepath.Join(out, Manifest)); err == nil || force {
		return nil
	}
	live, err := walk(out)
	if err != nil {
		return err
	}
	if theirs := live.files(); len(theirs) > 0 {
		return fmt.Errorf("%s holds files gen did not write (%s): build into an empty or new folder, or pass -force to write the site over them (your other files are kept)",
			out, listSome(theirs))
	}
	return nil
}

// workFolder is gen's folder beside the output folder out.
func workFolder(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".gen")
}

// survey reads what the output folder and the spare tree hold now. It
// runs under the lock, so no other build switches them meanwhile.
func (s *Staging) survey() error {
	if err := adoptable(s.out, s.force); err != nil {
		return err
	}
	if _, err := os.Lstat(s.out); err == nil {
		live, err := walk(s.out)
		if err != nil {
			return err
		}
		s.live = live
		if s.owned, s.legacy, err = readManifest(s.out, live); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(s.spare, 0o755); err != nil {
		return err
	}
	if info, err := os.Lstat(s.spare); err != nil || !info.IsDir() {
		if err := os.RemoveAll(s.spare); err != nil {
			return err
		}
		if err := os.Mkdir(s.spare, 0o755); err != nil {
			return err
		}
	}
	spare, err := walk(s.spare)
	s.oldSpare = spare
	return err
}

// Add queues one file for the writers and returns: the caller goes on
// rendering while the disk works, and waits only when the disk falls a
// few dozen files behind. It is safe for concurrent use, must not be
// called after Commit, and does nothing after Abort. A path that would
// leave the folder, one added before, or one that holds a file gen did
// not write makes Commit fail.
func (s *Staging) Add(f File) {
	select {
	case s.queue <- f:
	case <-s.stop:
	}
}

func (s *Staging) write() {
	for {
		select {
		case f, ok := <-s.queue:
			if !ok {
				return
			}
			s.stage(f)
		case <-s.stop:
			return
		}
	}
}

// stage puts one file into the spare tree: a hard link to the output
// folder's copy when the bytes are the same, else a new file.
func (s *Staging) stage(f File) {
	err := s.claim(f.Path)
	same := false
	if err == nil {
		same, err = s.sameAsLive(f)
	}
	if err == nil {
		switch {
		case same:
			err = s.linkFromLive(f.Path, f.Data)
		case s.inSpare(f):
			// Left by an earlier build and not shared with the output
			// folder (its bytes differ from those there): as good as new.
		default:
			err = s.create(f.Path, f.Data)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var b blocked
	switch {
	case errors.As(err, &b):
		if !s.blocked[b.path] {
			s.blocked[b.path] = true
			s.errs = append(s.errs, err)
		}
	case err != nil:
		s.errs = append(s.errs, err)
	case same:
		s.stats.Unchanged++
	default:
		s.stats.Written++
	}
}

func (s *Staging) claim(p string) error {
	if err := checkPath(p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keep[p] {
		return fmt.Errorf("%s is written twice", p)
	}
	if s.folders[p] {
		return fmt.Errorf("%s is written both as a file and as a folder", p)
	}
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if s.keep[dir] {
			return fmt.Errorf("%s is written both as a file and as a folder", dir)
		}
	}
	s.keep[p] = true
	for dir := path.Dir(p); dir != "." && !s.folders[dir]; dir = path.Dir(dir) {
		s.folders[dir] = true
	}
	return nil
}

// checkPath refuses a path that could leave the folder, or that the
// manifest could not name exactly.
func checkPath(p string) error {
	switch {
	case !filepath.IsLocal(filepath.FromSlash(p)) || path.Clean(p) != p || strings.Contains(p, `\`):
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	case p == Manifest:
		return fmt.Errorf("refusing to write %q: gen keeps its list of written files there", p)
	case !utf8.ValidString(p):
		return fmt.Errorf("%q: file name is not valid UTF-8: rename it", p)
	}
	return nil
}

// sameAsLive reports whether the output folder holds exactly f, in a file
// gen wrote. A file or link of the user's where f goes is an error,
// unless Force.
func (s *Staging) sameAsLive(f File) (bool, error) {
	if s.live == nil {
		return false, nil
	}
	if !s.force {
		for dir := path.Dir(f.Path); dir != "."; dir = path.Dir(dir) {
			if t, ok := s.live.entries[dir]; ok && !t.IsDir() && !s.owned[dir] {
				return false, s.theirs(dir, f.Path)
			}
		}
	}
	t, ok := s.live.entries[f.Path]
	switch {
	case !ok || t.IsDir():
		return false, nil // a folder in the way: carried says whether it holds the user's files
	case !s.owned[f.Path] && !s.force:
		return false, s.theirs(f.Path, f.Path)
	case !t.IsRegular():
		return false, nil
	}
	old, err := os.ReadFile(filepath.Join(s.out, filepath.FromSlash(f.Path)))
	return err == nil && bytes.Equal(old, f.Data), nil
}

func (s *Staging) theirs(p, writing string) error {
	what := "a file"
	if t := s.live.entries[p]; t&fs.ModeSymlink != 0 {
		what = "a symbolic link"
	} else if t.IsDir() {
		what = "a folder"
	}
	msg := fmt.Sprintf("%s is %s gen did not write", filepath.Join(s.out, filepath.FromSlash(p)), what)
	if p != writing {
		msg += ", and the site has files inside it"
	} else {
		msg += ", and the site has a file of that name"
	}
	return blocked{p, errors.New(msg + ": move it away, or pass -force to replace it")}
}

// blocked is an error about an entry of the user's in the site's way:
// reported once, however many of the site's files it is in the way of.
type blocked struct {
	path string
	err  error
}

func (b blocked) Error() string { return b.err.Error() }

// inSpare reports whether the spare tree already holds exactly f, in a
// file of its own: after the output folder was deleted, say, or a page
// changed back.
func (s *Staging) inSpare(f File) bool {
	if !s.oldSpare.entries[f.Path].IsRegular() {
		return false
	}
	old, err := os.ReadFile(filepath.Join(s.spare, filepath.FromSlash(f.Path)))
	return err == nil && bytes.Equal(old, f.Data)
}

// linkFromLive makes the spare tree's p the output folder's p, unless it
// is already; where hard links are not to be had, it writes data.
func (s *Staging) linkFromLive(p string, data []byte) error {
	if linked, err := s.link(p); linked || err != nil {
		return err
	}
	return createFile(filepath.Join(s.spare, filepath.FromSlash(p)), data)
}

// link makes the spare tree's p a hard link to the output folder's p (a
// symbolic link is linked as the link, never followed), unless it is one
// already. It reports false where the file system has no hard links.
func (s *Staging) link(p string) (bool, error) {
	live := filepath.Join(s.out, filepath.FromSlash(p))
	target := filepath.Join(s.spare, filepath.FromSlash(p))
	if sameFile(live, target) {
		return true, nil
	}
	if err := s.clear(p); err != nil {
		return false, err
	}
	return os.Link(live, target) == nil, nil
}

// create writes p into the spare tree as a new file.
func (s *Staging) create(p string, data []byte) error {
	if err := s.clear(p); err != nil {
		return err
	}
	return createFile(filepath.Join(s.spare, filepath.FromSlash(p)), data)
}

// clear makes room for p in the spare tree: its folders made, and
// whatever is at p itself removed.
func (s *Staging) clear(p string) error {
	if err := s.dirs.make(path.Dir(p)); err != nil {
		return err
	}
	full := filepath.Join(s.spare, filepath.FromSlash(p))
	err := os.Remove(full)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		err = os.RemoveAll(full) // a folder where the file goes
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return err
}

// createFile makes a new file: O_EXCL, so it never writes into a file
// that exists (one that may share its bytes with the output folder) nor
// through a symbolic link.
func createFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func sameFile(a, b string) bool {
	ai, err := os.Lstat(a)
	if err != nil {
		return false
	}
	bi, err := os.Lstat(b)
	return err == nil && os.SameFile(ai, bi)
}

// Commit completes the spare tree (the user's files carried over, stale
// files removed, the manifest) and switches it into place. After an error
// in any Add it changes nothing in the output folder and returns every
// error.
func (s *Staging) Commit() (Stats, error) {
	s.mu.Lock()
	if s.state != open {
		s.mu.Unlock()
		return Stats{}, ErrAborted
	}
	s.state = committing
	s.mu.Unlock()
	defer s.finish()

	s.closed.Do(func() { close(s.queue) })
	s.writers.Wait()
	if err := errors.Join(s.errs...); err != nil {
		return Stats{}, err
	}
	theirs, folders, err := s.carried()
	if err != nil {
		return Stats{}, err
	}
	if err := s.removeStale(theirs, folders); err != nil {
		return Stats{}, err
	}
	for _, p := range folders {
		if err := s.dirs.make(p); err != nil {
			return Stats{}, err
		}
	}
	for _, p := range theirs {
		if err := s.carry(p); err != nil {
			return Stats{}, err
		}
	}
	if err := s.keepModes(folders); err != nil {
		return Stats{}, err
	}
	if err := s.writeManifest(); err != nil {
		return Stats{}, err
	}
	if s.live == nil {
		err = os.Rename(s.spare, s.out)
	} else {
		err = exchange(s.spare, s.out)
	}
	if errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EBUSY) {
		return Stats{}, fmt.Errorf("switching %s into place: %w: it is a mount point, or on another file system than %s; build into a folder inside it instead (-out %s)",
			s.out, err, s.work, filepath.Join(s.out, "site"))
	}
	if err != nil {
		return Stats{}, fmt.Errorf("switching %s into place: %w", s.out, err)
	}
	for p := range s.owned {
		if !s.keep[p] {
			s.stats.Removed++
		}
	}
	return s.stats, nil
}

// carried lists, parents first, the user's entries of the output folder
// that go into the new site as they are: every file, link or other entry
// but the files gen wrote and the temporary files older versions of gen
// left beside them; and the user's folders, those that hold no file gen
// wrote (a folder gen made and no longer needs is not carried, nor left
// empty). One in the way of a file of the site is an error, unless Force.
func (s *Staging) carried() (files, folders []string, err error) {
	if s.live == nil {
		return nil, nil, nil
	}
	gens := map[string]bool{} // folders that hold a file gen wrote
	for p := range s.owned {
		for d := path.Dir(p); d != "." && !gens[d]; d = path.Dir(d) {
			gens[d] = true
		}
	}
	var errs []error
	for _, p := range s.live.sorted() {
		t := s.live.entries[p]
		if s.owned[p] || p == Manifest || s.legacyTemp(p) || s.keep[p] || s.folders[p] {
			continue // gen's, or replaced by the site's file or folder (with Force; sameAsLive refused it otherwise)
		}
		if file := s.fileAbove(path.Dir(p)); file != "" {
			if !s.force {
				errs = append(errs, fmt.Errorf("%s is a file gen did not write, in the way of the site's file %s: move it away, or pass -force to replace it",
					filepath.Join(s.out, filepath.FromSlash(p)), file))
			}
			continue
		}
		switch {
		case !t.IsDir():
			files = append(files, p)
		case !gens[p]:
			folders = append(folders, p)
		}
	}
	return files, folders, errors.Join(errs...)
}

// legacyTemp reports a temporary file an older gen left beside one it
// wrote: ".gen-index.html" beside "index.html".
func (s *Staging) legacyTemp(p string) bool {
	base := path.Base(p)
	return s.legacy && strings.HasPrefix(base, ".gen-") && s.owned[path.Join(path.Dir(p), strings.TrimPrefix(base, ".gen-"))]
}

// fileAbove returns the file this build writes that is dir or one of its
// folders, or "".
func (s *Staging) fileAbove(dir string) string {
	for q := dir; q != "."; q = path.Dir(q) {
		if s.keep[q] {
			return q
		}
	}
	return ""
}

// removeStale removes from the spare tree whatever it held before this
// build that the new site does not: all but the site's files, the user's
// files and folders, and the folders they are in. It runs before any of
// the user's symbolic links is carried in, so that no removal can pass
// through one.
func (s *Staging) removeStale(theirs, folders []string) error {
	// The site's own folders are known from claim; the user's are added,
	// with the folders their files and folders are in.
	dirs := maps.Clone(s.folders)
	dirs["."] = true
	for _, p := range folders {
		dirs[p] = true
	}
	for _, p := range slices.Concat(theirs, folders) {
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	carried := make(map[string]bool, len(theirs))
	for _, p := range theirs {
		carried[p] = true
	}
	kept := func(p string) bool { return s.keep[p] || dirs[p] || carried[p] }
	for _, p := range s.oldSpare.sorted() {
		switch {
		case kept(p):
			continue
		case !dirs[path.Dir(p)]:
			continue // its folder is gone already, or is now a file
		}
		if err := os.RemoveAll(filepath.Join(s.spare, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	return nil
}

// keepModes gives the user's folders in the spare tree their permissions
// in the output folder (a private folder stays private), once what they
// hold is carried in.
func (s *Staging) keepModes(folders []string) error {
	for _, p := range folders {
		live, err := os.Lstat(filepath.Join(s.out, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		target := filepath.Join(s.spare, filepath.FromSlash(p))
		if spare, err := os.Lstat(target); err != nil || spare.Mode().Perm() != live.Mode().Perm() {
			if err := os.Chmod(target, live.Mode().Perm()); err != nil {
				return err
			}
		}
	}
	return nil
}

// carry puts the user's entry p into the spare tree: hard-linked or,
// where that fails, copied.
func (s *Staging) carry(p string) error {
	if linked, err := s.link(p); linked || err != nil {
		return err
	}
	live := filepath.Join(s.out, filepath.FromSlash(p))
	target := filepath.Join(s.spare, filepath.FromSlash(p))
	switch t := s.live.entries[p]; {
	case t&fs.ModeSymlink != 0:
		dest, err := os.Readlink(live)
		if err != nil {
			return err
		}
		return os.Symlink(dest, target)
	case t.IsRegular():
		data, err := os.ReadFile(live)
		if err != nil {
			return err
		}
		return createFile(target, data)
	}
	return nil // a device or pipe that cannot be linked stays behind
}

// Abort stops the writers and leaves the output folder as it was; the
// spare tree is put right by the next build. It reports whether it
// stopped the build: once Commit has begun, it waits for it to finish and
// reports false.
func (s *Staging) Abort() bool {
	s.mu.Lock()
	if s.state != open {
		s.mu.Unlock()
		<-s.finished
		return false
	}
	s.state = committing
	s.mu.Unlock()
	close(s.stop)
	s.writers.Wait()
	s.finish()
	return true
}

func (s *Staging) finish() {
	s.finishOnce.Do(func() {
		s.mu.Lock()
		s.state = over
		s.mu.Unlock()
		s.lock.release()
		close(s.finished)
	})
}

func listSome(names []string) string {
	const shown = 3
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}
