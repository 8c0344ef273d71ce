package lint

import "testing"

// TestHTMLLineText: formatting tags vanish inside words, element tags
// become spaces, and every text byte maps back to its source byte.
func TestHTMLLineText(t *testing.T) {
	raw := []byte("<tr><td>Fenêtre</td><td>mardi 1<sup>er</sup> décembre 2026<br>19:00</td></tr>")
	got, segs := htmlLineText(raw, 100)
	if want := "  Fenêtre  mardi 1er décembre 2026 19:00  "; got != want {
		t.Fatalf("text = %q, want %q", got, want)
	}
	for _, sg := range segs {
		for k := 0; k < sg.n; k++ {
			if c := got[sg.text+k]; c != ' ' && raw[sg.src-100+k] != c {
				t.Errorf("text byte %d %q maps to source byte %q", sg.text+k, c, raw[sg.src-100+k])
			}
		}
	}
}
