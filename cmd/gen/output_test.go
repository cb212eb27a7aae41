package main

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// tools builds gen and the benchmark corpus writer once, for the tests
// that run gen as a process to kill it.
var tools = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "gen-tools-")
	if err != nil {
		return "", err
	}
	for _, pkg := range []string{"github.com/briefing-gen/gen/cmd/gen", "github.com/briefing-gen/gen/bench/corpus"} {
		out, err := exec.Command("go", "build", "-o", dir, pkg).CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return dir, nil
})

func tool(t *testing.T, name string) string {
	t.Helper()
	dir, err := tools()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// largeProject writes a synthetic briefing big enough that a build takes
// a good part of a second or more.
func largeProject(t *testing.T, articles int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "project")
	if out, err := exec.Command(tool(t, "corpus"), "-n", fmt.Sprint(articles), "-out", dir).CombinedOutput(); err != nil {
		t.Fatalf("corpus: %v\n%s", err, out)
	}
	return dir
}

// tree is a folder's files by path, as hashes of their bytes.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// whichSite says which of the sites dir holds exactly, or describes the
// mix it holds.
func whichSite(t *testing.T, dir string, sites ...map[string][32]byte) (int, string) {
	t.Helper()
	got := tree(t, dir)
	for i, want := range sites {
		if sameTree(got, want) {
			return i, ""
		}
	}
	var b strings.Builder
	for i, want := range sites {
		same, differ, missing := 0, 0, 0
		for p, h := range want {
			switch g, ok := got[p]; {
			case !ok:
				missing++
			case g == h:
				same++
			default:
				differ++
			}
		}
		fmt.Fprintf(&b, "site %d: %d files the same, %d different, %d missing; ", i, same, differ, missing)
	}
	for p := range got {
		if strings.Contains(filepath.Base(p), ".gen-") && filepath.Base(p) != ".gen-manifest" {
			fmt.Fprintf(&b, "left behind: %s; ", p)
			break
		}
	}
	return -1, fmt.Sprintf("%d files, a mix: %s", len(got), b.String())
}

func sameTree(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

// buildProcess builds project into its public/ with a base URL, as a
// process.
func buildProcess(t *testing.T, project, baseURL string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(tool(t, "gen"), "build", "-root", project, "-base-url", baseURL)
	cmd.Env = append(os.Environ(), "CI=true")
	return cmd
}

// twoSites builds project twice with different base URLs, so that every
// page differs, and returns both sites' files, the second in place, and
// how long a build took.
func twoSites(t *testing.T, project string) (a, b map[string][32]byte, took time.Duration) {
	t.Helper()
	public := filepath.Join(project, "public")
	if out, err := buildProcess(t, project, "https://a.example/").CombinedOutput(); err != nil {
		t.Fatalf("build a: %v\n%s", err, out)
	}
	a = tree(t, public)
	start := time.Now()
	if out, err := buildProcess(t, project, "https://b.example/").CombinedOutput(); err != nil {
		t.Fatalf("build b: %v\n%s", err, out)
	}
	return a, tree(t, public), time.Since(start)
}

// TestBuildsUnderFire kills, interrupts and races gen build as a
// process, on one briefing large enough that a build takes a while, and
// checks each time that public/ holds exactly one whole site.
func TestBuildsUnderFire(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 600-article briefing a dozen times")
	}
	project := largeProject(t, 600)
	public := filepath.Join(project, "public")
	a, b, took := twoSites(t, project)
	sites, urls := []map[string][32]byte{a, b}, []string{"https://a.example/", "https://b.example/"}
	holds := func(t *testing.T) int { // which site public/ holds; fails on a mix
		t.Helper()
		got, mix := whichSite(t, public, sites...)
		if got < 0 {
			t.Fatalf("public/ holds %s", mix)
		}
		return got
	}

	// A build that put files into place one by one, killed then, left
	// 2,054 new pages and 1,504 old ones. Some kills land at random, the
	// others the moment the new site's manifest is written, just before
	// the switch.
	t.Run("killed", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		manifest := filepath.Join(filepath.Dir(public), ".public.gen", "spare", ".gen-manifest")
		now := holds(t)
		for trial := range 6 {
			cmd := buildProcess(t, project, urls[1-now])
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			when := "at random"
			if trial%2 == 0 {
				time.Sleep(time.Duration(float64(took) * (0.2 + 0.9*rng.Float64())))
			} else {
				when = "at the switch"
				for deadline := time.Now().Add(3 * took); time.Now().Before(deadline); {
					if _, err := os.Stat(manifest); err == nil {
						break
					}
					time.Sleep(200 * time.Microsecond)
				}
			}
			cmd.Process.Kill()
			err := cmd.Wait()
			got := holds(t)
			t.Logf("killed %s (%v): site %d, was %d", when, err, got, now)
			now = got
		}
		// The build after the kills is whole.
		if out, err := buildProcess(t, project, urls[0]).CombinedOutput(); err != nil {
			t.Fatalf("build after the kills: %v\n%s", err, out)
		}
		if holds(t) != 0 {
			t.Fatal("the build after the kills did not put its site in place")
		}
	})

	// SIGINT and SIGTERM left up to 4,100 hidden .gen-* files in public/.
	t.Run("interrupted", func(t *testing.T) {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			was := holds(t)
			cmd := buildProcess(t, project, urls[1-was])
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(took / 4) // builds vary: well before the end
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if holds(t) != was {
				t.Errorf("%v: public/ changed", sig)
			}
			if code := 128 + int(sig); cmd.ProcessState.ExitCode() != code || !strings.Contains(stderr.String(), "left unchanged") {
				t.Errorf("%v: exit %v, want %d and a message saying public/ is unchanged:\n%s", sig, err, code, stderr.String())
			}
		}
	})

	// Two builds of one folder at once mixed their pages in 3 of 3 trials.
	t.Run("concurrent", func(t *testing.T) {
		was := holds(t)
		first, second := buildProcess(t, project, urls[1-was]), buildProcess(t, project, urls[was])
		var firstErr, secondErr strings.Builder
		first.Stderr, second.Stderr = &firstErr, &secondErr
		if err := first.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(took / 10)
		if err := second.Start(); err != nil {
			t.Fatal(err)
		}
		errFirst, errSecond := first.Wait(), second.Wait()
		if errFirst != nil || errSecond != nil {
			t.Fatalf("builds failed: %v %v\n%s\n%s", errFirst, errSecond, firstErr.String(), secondErr.String())
		}
		if holds(t) != was || !strings.Contains(secondErr.String(), "waiting for another build") {
			t.Errorf("the second build should have waited, then put its site in place; its stderr:\n%s", secondErr.String())
		}
	})
}
