package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStringsAreJSONAndSafeInAScript checks the hand-written encoder
// against encoding/json: the same text comes back, and nothing in it can
// close the script element or break a JavaScript string.
func TestStringsAreJSONAndSafeInAScript(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "</script><script>alert(1)</script>", "a & b",
		"tab\tnew\nline\rreturn\b\f\x00\x1f", "line\u2028separator\u2029", "Zelensky’s “deal” – ok", "bad \xff byte", "emoji 🇺🇦",
	} {
		got := string(appendString(nil, s))
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("%q encodes as %s, which is not JSON: %v", s, got, err)
			continue
		}
		if want := viaJSON(s); back != want {
			t.Errorf("%q comes back as %q", s, back)
		}
		if strings.ContainsAny(got, "<>&\u2028\u2029\n") {
			t.Errorf("%q encodes as %s, unsafe inside a script", s, got)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("</script>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var back string
		if err := json.Unmarshal(appendString(nil, s), &back); err != nil || back != viaJSON(s) {
			t.Fatalf("%q: got %q, %v", s, back, err)
		}
	})
}

// viaJSON is s as encoding/json carries it: each invalid byte becomes U+FFFD.
func viaJSON(s string) string {
	data, _ := json.Marshal(s)
	var back string
	json.Unmarshal(data, &back)
	return back
}
