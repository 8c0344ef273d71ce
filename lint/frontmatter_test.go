package lint

import "testing"

// TestNestedFrontMatter: a mapping one level down gives a line per entry,
// and the parent key reads as its entries' values.
func TestNestedFrontMatter(t *testing.T) {
	src := "---\ncurrent_version: \"17.3.7\"\ncontact:\n  name: \"Rafael Moura\"\n  email: \"rafael@example.com\"\nconditional_stops:\n  \"16.1\": \"does not apply: no npm packages\"\n  nested:\n    deeper: 1\n---\n\n# Plan\n"
	d := parsePlan(t, src)
	want := map[string]struct {
		value string
		line  int
	}{
		"current_version":        {"17.3.7", 2},
		"contact":                {"Rafael Moura, rafael@example.com", 3},
		"contact.email":          {"rafael@example.com", 5},
		"conditional_stops.16.1": {"does not apply: no npm packages", 7},
		// A mapping below a mapping has no value of its own.
		"conditional_stops": {"", 6},
	}
	for key, w := range want {
		v, l, ok := d.FrontMatterValue(key)
		if !ok || l == nil {
			t.Errorf("FrontMatterValue(%q): no such key", key)
			continue
		}
		if v != w.value || l.Num != w.line {
			t.Errorf("FrontMatterValue(%q) = %q on line %d, want %q on line %d", key, v, l.Num, w.value, w.line)
		}
	}
	if c := d.Plan.Contact; c == nil || c.Email != "rafael@example.com" {
		t.Errorf("contact = %+v, want the e-mail from the nested mapping", c)
	}
	prev := 0
	for _, l := range d.Lines {
		if l.Num <= prev {
			t.Errorf("line %d after line %d: lines out of order", l.Num, prev)
		}
		prev = l.Num
	}
}
