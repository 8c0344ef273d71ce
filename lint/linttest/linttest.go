// Package linttest checks planlint findings against expectations written
// next to the input, as HTML comments in the fixture markdown:
//
//	| 16.3.4 | 17.0.0 <!-- want skipped-required-stop "16\.11" --> |
//	## Rollback <!-- want missing-rollback-plan -->
//	<!-- want:+2 unpinned-package-version -->
//
// A marker names one or more rule IDs, each optionally followed by a
// quoted regular expression its message must match. "want" applies to the
// marker's own line, "want:+N" or "want:-N" to a line N away. Markers are
// blanked out (replaced by spaces) before linting, so they never change
// what the rules see or the positions they report.
package linttest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/planlint/planlint/lint"
)

// Expectation is one expected finding.
type Expectation struct {
	Line    int
	Rule    string
	Message *regexp.Regexp
}

var markerRe = regexp.MustCompile(`<!--\s*want(?::([+-]\d+))?\s+(.*?)\s*-->`)

// Parse returns the source with markers blanked out and the expectations
// they state.
func Parse(src []byte) ([]byte, []Expectation, error) {
	var exps []Expectation
	var cuts [][2]int
	line := 1
	lineStarts := []int{0}
	for i, c := range src {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	lineOf := func(off int) int {
		return sort.Search(len(lineStarts), func(i int) bool { return lineStarts[i] > off })
	}
	for _, m := range markerRe.FindAllSubmatchIndex(src, -1) {
		line = lineOf(m[0])
		if m[2] >= 0 {
			d, err := strconv.Atoi(string(src[m[2]:m[3]]))
			if err != nil {
				return nil, nil, err
			}
			line += d
		}
		body := string(src[m[4]:m[5]])
		items, err := splitBody(body)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %v", line, err)
		}
		for _, it := range items {
			e := Expectation{Line: line, Rule: it[0]}
			if it[1] != "" {
				re, err := regexp.Compile(it[1])
				if err != nil {
					return nil, nil, fmt.Errorf("line %d: %v", line, err)
				}
				e.Message = re
			}
			exps = append(exps, e)
		}
		cuts = append(cuts, [2]int{m[0], m[1]})
	}
	// Cut the markers out, with the blanks before them: blanks left at the
	// end of a line would be a markdown hard break, which the plan as
	// written does not have. Markers stand at line ends, so no column
	// before them moves.
	var out []byte
	prev := 0
	for _, c := range cuts {
		start := c[0]
		for start > prev && (src[start-1] == ' ' || src[start-1] == '\t') {
			start--
		}
		out = append(out, src[prev:start]...)
		prev = c[1]
	}
	out = append(out, src[prev:]...)
	return out, exps, nil
}

// splitBody reads "rule-a rule-b \"re\" rule-c" into (rule, regexp) pairs.
func splitBody(body string) ([][2]string, error) {
	var out [][2]string
	for body = strings.TrimSpace(body); body != ""; body = strings.TrimSpace(body) {
		if body[0] == '"' {
			end := strings.Index(body[1:], `"`)
			for end >= 0 && body[end] == '\\' {
				next := strings.Index(body[end+2:], `"`)
				if next < 0 {
					end = -1
					break
				}
				end += next + 1
			}
			if end < 0 || len(out) == 0 {
				return nil, fmt.Errorf("bad message pattern in %q", body)
			}
			out[len(out)-1][1] = body[1 : end+1]
			body = body[end+2:]
			continue
		}
		f := strings.Fields(body)[0]
		out = append(out, [2]string{f, ""})
		body = body[len(f):]
	}
	return out, nil
}

// Diff compares findings with expectations and returns one line per
// problem: findings nobody expected, and expectations nothing matched.
func Diff(fs []lint.Finding, exps []Expectation) []string {
	used := make([]bool, len(fs))
	var problems []string
	for _, e := range exps {
		found := false
		for i, f := range fs {
			if used[i] || f.Line != e.Line || f.Rule != e.Rule {
				continue
			}
			if e.Message != nil && !e.Message.MatchString(f.Message) {
				continue
			}
			used[i] = true
			found = true
			break
		}
		if !found {
			msg := fmt.Sprintf("line %d: missing %s", e.Line, e.Rule)
			if e.Message != nil {
				msg += fmt.Sprintf(" matching %q", e.Message)
			}
			problems = append(problems, msg)
		}
	}
	for i, f := range fs {
		if !used[i] {
			problems = append(problems, fmt.Sprintf("line %d: unexpected %s: %s", f.Line, f.Rule, f.Message))
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return lineNum(problems[i]) < lineNum(problems[j]) })
	return problems
}

func lineNum(s string) int {
	var n int
	fmt.Sscanf(s, "line %d:", &n)
	return n
}

// AddMarker adds rule to the want marker of a source line, or appends a
// new marker; in a table row the marker goes inside the last cell.
func AddMarker(line, rule string) string {
	if m := markerRe.FindStringSubmatchIndex(line); m != nil {
		return line[:m[5]] + " " + rule + line[m[5]:]
	}
	t := strings.TrimRight(line, " \t")
	marker := "<!-- want " + rule + " -->"
	if strings.HasPrefix(strings.TrimSpace(t), "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
		return strings.TrimRight(t[:len(t)-1], " ") + " " + marker + " |"
	}
	return t + " " + marker
}
