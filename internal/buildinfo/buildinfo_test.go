package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestVersions(t *testing.T) {
	setting := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	for _, c := range []struct {
		name          string
		info          debug.BuildInfo
		line, install string
	}{
		{"installed at a version", debug.BuildInfo{GoVersion: "go1.26.8", Path: "example.org/b/cmd/gen", Main: debug.Module{Version: "v1.2.3"}},
			"v1.2.3, built with go1.26.8", "v1.2.3"},
		{"built in a checkout with changes", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202042751-13eb083c1a2b+dirty"},
			Settings: setting("vcs", "git", "vcs.revision", "13eb083c1a2b", "vcs.time", "2026-12-02T04:27:51Z", "vcs.modified", "true")},
			"v0.0.0-20261202042751-13eb083c1a2b+dirty (revision 13eb083c1a2b, 2026-12-02T04:27:51Z, modified)", "latest"},
		{"built in a clean checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: setting("vcs.revision", "13eb083c1a2b", "vcs.time", "2026-12-02T04:27:51Z", "vcs.modified", "false")},
			"(devel) (revision 13eb083c1a2b, 2026-12-02T04:27:51Z)", "latest"},
		{"nothing known", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)", "latest"},
	} {
		i := From(&c.info)
		if got := i.String(); got != c.line {
			t.Errorf("%s: String() = %q, want %q", c.name, got, c.line)
		}
		if got := i.InstallVersion(); got != c.install {
			t.Errorf("%s: InstallVersion() = %q, want %q", c.name, got, c.install)
		}
	}
}
