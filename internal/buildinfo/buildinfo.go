// Package buildinfo tells which gen is running, from what the Go tool
// stamped into the binary (runtime/debug.ReadBuildInfo): the module
// version of a binary installed with go install <module>/cmd/gen@v1.2.3,
// or the commit, its time and whether the checkout had changes for one
// built in a clone. gen version prints it, and gen init writes it into a
// new project's workflow, so that the site is built by the same gen.
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Info is what a binary knows of its own build.
type Info struct {
	Package  string // the main package's import path, such as "example.org/briefing/cmd/gen"
	Version  string // the module version, "" when unknown or "(devel)"
	Revision string // the commit it was built from, when built in a checkout
	Time     string // that commit's time, RFC 3339
	Modified bool   // the checkout had changes not committed
	Go       string // the Go version that built it
}

// Read reads the running binary's build information.
func Read() Info {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{}
	}
	return From(info)
}

// From takes what Info holds out of debug.BuildInfo.
func From(info *debug.BuildInfo) Info {
	out := Info{Package: info.Path, Go: info.GoVersion}
	if v := info.Main.Version; v != "(devel)" {
		out.Version = v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			out.Revision = s.Value
		case "vcs.time":
			out.Time = s.Value
		case "vcs.modified":
			out.Modified = s.Value == "true"
		}
	}
	return out
}

// String is the line gen version prints: "v1.2.3", or for a build in a
// checkout the commit, its time and "modified" if it had changes, such
// as "v0.0.0-20261202042751-13eb083c1a2b+dirty (revision 13eb083c1a2b,
// 2026-12-02T04:27:51Z, modified)", and "(devel)" when nothing is known.
func (i Info) String() string {
	v := i.Version
	if v == "" {
		v = "(devel)"
	}
	var vcs []string
	if i.Revision != "" {
		vcs = append(vcs, "revision "+i.Revision)
	}
	if i.Time != "" {
		vcs = append(vcs, i.Time)
	}
	if i.Modified {
		vcs = append(vcs, "modified")
	}
	if len(vcs) > 0 {
		v += " (" + strings.Join(vcs, ", ") + ")"
	}
	if i.Go != "" {
		v += ", built with " + i.Go
	}
	return v
}

// InstallVersion is the version to give go install for this same gen:
// the module version when it names a published one, else "latest" (a
// binary built in a checkout, or from changes not committed, has none
// that go install could fetch).
func (i Info) InstallVersion() string {
	if i.Version == "" || strings.Contains(i.Version, "+") {
		return "latest"
	}
	return i.Version
}
