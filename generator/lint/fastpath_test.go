package lint

import (
	"github.com/apidocgen/apidocgen/generator/internal/textdist"

	"net/url"
	"strings"
	"testing"
)

// TestContainsFoldASCII checks the allocation-free word search against
// strings.ToLower + strings.Contains, including the non-ASCII letters that
// lower-case to ASCII.
func TestContainsFoldASCII(t *testing.T) {
	texts := []string{
		"", "r", "Response", "the RESPONSE might be shortened", "responsE", "respons", "x response", "resp onse",
		"This response object is TRUNCATED.", "ſhortened", "\u212Aelvin", "\u212Ask", "İnherited from", "RESPONSE İ", "inherİted from", "Inherited From [user]",
		"inherited\u00a0from", "ınherited from", "RESPONSE RESPONSE", "rresponse",
	}
	for _, s := range texts {
		for _, w := range []string{"response", "shortened", "truncated", "inherited from"} {
			if got, want := containsFoldASCII(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// TestPlainRelative checks that every target plainRelative accepts parses
// with url.Parse to a reference without scheme and host.
func TestPlainRelative(t *testing.T) {
	targets := []string{
		"user.md", "../resources/user.md#properties", "./a b.md", "?x=1", "#anchor", "a/b/c", "//host/x", "http://x", "mailto:a@b",
		"a%zz", "a%20b", "a\x01b", "a\x7fb", "[x]", "a#b#c", "a?b:c", "resources\\user.md", "*",
	}
	for _, tg := range targets {
		if !plainRelative(tg) {
			continue
		}
		u, err := url.Parse(tg)
		if err != nil || u.Scheme != "" || u.Host != "" {
			t.Errorf("plainRelative(%q) but url.Parse gives %v, %v", tg, u, err)
		}
	}
	for _, tg := range []string{"//host/x", "http://x", "a%20b", "a\x01b"} {
		if plainRelative(tg) {
			t.Errorf("plainRelative(%q) = true", tg)
		}
	}
}

// TestClosestBounded checks closest, which stops distances early, against
// a plain search with the full edit distance.
func TestClosestBounded(t *testing.T) {
	cands := []string{"user", "users", "group", "microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.usr", "a", "", "abcdefgh", "abcdefhg", "bacdefgh"}
	queries := append([]string{"usr", "microsoft.graph.uesr", "abcdefgg", "grop", "microsoft.graph.groups", "x", ""}, cands...)
	for _, q := range queries {
		for max := 0; max <= 4; max++ {
			want, bestD := "", max+1
			for _, c := range cands {
				if abs(len(c)-len(q)) > max {
					continue
				}
				if d := textdist.Distance(q, c); d < bestD && d > 0 && d*3 <= len(q) {
					want, bestD = c, d
				}
			}
			if got := closest(q, cands, max); got != want {
				t.Errorf("closest(%q, max %d) = %q, want %q", q, max, got, want)
			}
		}
	}
}
