package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// FrontMatterField is one top-level key of the front matter.
type FrontMatterField struct {
	// Value is the scalar value as written (versions stay strings: 17.10
	// is "17.10", not the number 17.1); empty for lists and maps.
	Value string
	// Line is the key's line.
	Line *Line
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// readFrontMatter parses the raw front matter (which starts on source line
// 2) into front matter lines. It returns a problem when the YAML is not a
// readable mapping.
func (d *Document) readFrontMatter(raw []byte) *Problem {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, "yaml: ")
		line := 1
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = n + 1
			msg = yamlLineRe.ReplaceAllString(msg, fmt.Sprintf("line %d", line))
		}
		return &Problem{Line: line, Message: fmt.Sprintf("front matter is not valid YAML (%s). fix the YAML between the \"---\" lines; until then planlint reads the file as plain markdown", firstLine(msg))}
	}
	if len(root.Content) == 0 {
		d.FrontMatter = map[string]*FrontMatterField{}
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return &Problem{Line: 2, Message: "front matter is not a list of \"key: value\" lines. write facts as \"current_version: \\\"15.4.2\\\"\"; until then planlint reads the file as plain markdown"}
	}
	d.FrontMatter = map[string]*FrontMatterField{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		num := k.Line + 1
		if num < 1 || num > d.index.count() {
			continue
		}
		start := d.index.starts[num-1]
		text := d.index.text(num)
		l := &Line{Kind: KindFrontMatter, Text: text, Num: num, Task: -1, doc: d}
		l.segs = []textSeg{{0, start, len(text)}}
		l.Lower = lowerSameLen(text)
		l.Tokens = tokenize(l.Lower, nil)
		if c := strings.IndexByte(text, ':'); c > 0 {
			l.Label = Span{0, c}
			l.Value = Span{c + 1, len(text)}
		}
		f := &FrontMatterField{Line: l}
		if v.Kind == yaml.ScalarNode {
			f.Value = strings.TrimSpace(v.Value)
		}
		key := strings.ToLower(strings.TrimSpace(k.Value))
		d.FrontMatter[key] = f
		l.Index = len(d.Lines)
		d.Lines = append(d.Lines, l)
	}
	return nil
}

// FrontMatterValue returns the value of a front matter key and its line.
func (d *Document) FrontMatterValue(key string) (string, *Line, bool) {
	if d.FrontMatter == nil {
		return "", nil, false
	}
	f, ok := d.FrontMatter[key]
	if !ok {
		return "", nil, false
	}
	return f.Value, f.Line, true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
