package main

import (
	"runtime/debug"
	"testing"
)

func TestVersion(t *testing.T) {
	const cmd = "github.com/apidocgen/apidocgen/cmd/apidocgen"
	const mod = "github.com/apidocgen/apidocgen"
	vcs := []debug.BuildSetting{
		{Key: "-buildmode", Value: "exe"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-11-29T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	cases := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "(devel)"},
		{"go install ...@v1.2.3", &debug.BuildInfo{Path: cmd, Main: debug.Module{Path: mod, Version: "v1.2.3"}}, "v1.2.3"},
		{"go install ./cmd/apidocgen in a clone", &debug.BuildInfo{Path: cmd, Main: debug.Module{Path: mod, Version: "v0.0.0-20261129100000-0123456789ab+dirty"}, Settings: vcs},
			"v0.0.0-20261129100000-0123456789ab+dirty (git 0123456789abcdef0123456789abcdef01234567, 2026-11-29T10:00:00Z, modified)"},
		{"a build without VCS stamping", &debug.BuildInfo{Path: cmd, Main: debug.Module{Path: mod, Version: "(devel)"}, Settings: vcs[:1]}, "(devel)"},
		{"go tool with a replace", &debug.BuildInfo{Path: cmd, Main: debug.Module{Path: mod, Version: "v0.0.0-00010101000000-000000000000",
			Replace: &debug.Module{Path: "../apidocgen", Version: "(devel)"}}}, "v0.0.0-00010101000000-000000000000 => ../apidocgen"},
		{"the command's module among the dependencies", &debug.BuildInfo{Path: cmd, Main: debug.Module{Path: "example.com/shop", Version: "(devel)"}, Settings: vcs,
			Deps: []*debug.Module{{Path: "github.com/apidocgen", Version: "v9.9.9"}, {Path: mod, Version: "v1.4.0"}, {Path: "gopkg.in/yaml.v3", Version: "v3.0.1"}}},
			"v1.4.0"},
	}
	for _, c := range cases {
		if got := version(c.bi); got != c.want {
			t.Errorf("%s: version = %q, want %q", c.name, got, c.want)
		}
	}
}
