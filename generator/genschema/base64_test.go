package genschema

import (
	"encoding/base64"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// decodesAsBinary is the rule of the generated Binary decoder
// (templates/gengo_scalars.tmpl): strict standard base64 without line
// breaks.
func decodesAsBinary(s string) bool {
	_, err := base64.StdEncoding.Strict().DecodeString(s)
	return err == nil && !strings.ContainsAny(s, "\r\n")
}

// TestOneBase64Rule checks that PatternBase64, the evaluator's isBase64 and
// the decoder's rule accept the same strings, and that every accepted
// string is what the encoder writes for the bytes it decodes to: all
// strings of up to 4 characters over an alphabet that mixes both base64
// alphabets, padding and white space, and random longer ones.
func TestOneBase64Rule(t *testing.T) {
	re := regexp.MustCompile(PatternBase64)
	alphabet := "AQRYgwz09+/-_= \n"
	var inputs []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		inputs = append(inputs, prefix)
		if n == 0 {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			gen(prefix+alphabet[i:i+1], n-1)
		}
	}
	gen("", 4)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		b := make([]byte, rng.Intn(12))
		rng.Read(b)
		s := []byte(base64.StdEncoding.EncodeToString(b))
		if len(s) > 0 && i%2 == 1 {
			s[rng.Intn(len(s))] = alphabet[rng.Intn(len(alphabet))]
		}
		inputs = append(inputs, string(s))
	}
	accepted := 0
	for _, s := range inputs {
		dec, pat, ev := decodesAsBinary(s), re.MatchString(s), isBase64(s)
		if dec != pat || pat != ev {
			t.Errorf("%q: decoder %v, schema pattern %v, evaluator %v", s, dec, pat, ev)
			continue
		}
		if dec {
			accepted++
			b, _ := base64.StdEncoding.DecodeString(s)
			if base64.StdEncoding.EncodeToString(b) != s {
				t.Errorf("%q is accepted but encodes back as %q", s, base64.StdEncoding.EncodeToString(b))
			}
		}
	}
	if accepted < 1000 {
		t.Errorf("only %d of %d inputs accepted: the test does not exercise the rule", accepted, len(inputs))
	}
}
