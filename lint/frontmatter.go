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
		f := d.frontMatterLine(k, v)
		if f == nil {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k.Value))
		d.FrontMatter[key] = f
		if v.Kind != yaml.MappingNode {
			continue
		}
		// A mapping one level down ("contact:" over "name:", "email:",
		// "phone:"; "conditional_stops:" over "\"16.1\": does not
		// apply") gives a line per entry, keyed "parent.entry"; the
		// parent's value is its entries' values, in order.
		var vals []string
		for j := 0; j+1 < len(v.Content); j += 2 {
			ck, cv := v.Content[j], v.Content[j+1]
			if cv.Kind != yaml.ScalarNode {
				vals = nil
				continue
			}
			if cf := d.frontMatterLine(ck, cv); cf != nil {
				d.FrontMatter[key+"."+strings.ToLower(strings.TrimSpace(ck.Value))] = cf
				if cf.Value != "" {
					vals = append(vals, cf.Value)
				}
			}
		}
		f.Value = strings.Join(vals, ", ")
	}
	// Keys in the plan's own language name the same facts:
	// "version_cible", "zielversion", "zona_horaria".
	for _, a := range frontMatterAliases {
		if _, ok := d.FrontMatter[a.key]; ok {
			continue
		}
		for _, alias := range a.aliases {
			if f, ok := d.FrontMatter[alias]; ok {
				d.FrontMatter[a.key] = f
				break
			}
		}
	}
	return nil
}

// frontMatterLine adds the line of a front matter key to the document
// and returns its field, or nil when the key's line is not in the file.
func (d *Document) frontMatterLine(k, v *yaml.Node) *FrontMatterField {
	num := k.Line + 1
	if num < 1 || num > d.index.count() || len(d.Lines) > 0 && d.Lines[len(d.Lines)-1].Num >= num {
		return nil
	}
	start := d.index.starts[num-1]
	text := d.index.text(num)
	l := &Line{Kind: KindFrontMatter, Text: text, Num: num, Task: -1, doc: d}
	l.segs = []textSeg{{0, start, len(text)}}
	l.setLower(lowerSameLen(text))
	l.Tokens = tokenize(l.Lower, nil)
	l.maskWords()
	if c := strings.IndexByte(text, ':'); c > 0 {
		l.Label = Span{0, c}
		l.Value = Span{c + 1, len(text)}
	}
	f := &FrontMatterField{Line: l}
	if v.Kind == yaml.ScalarNode {
		f.Value = strings.TrimSpace(v.Value)
	}
	l.Index = len(d.Lines)
	d.Lines = append(d.Lines, l)
	return f
}

// frontMatterAliases are other names of the documented front matter keys,
// in the languages planlint reads.
var frontMatterAliases = []struct {
	key     string
	aliases []string
}{
	{"current_version", []string{"version_actuelle", "aktuelle_version", "version_actual", "versión_actual", "versao_atual", "versione_attuale", "huidige_versie", "from_version", "current"}},
	{"target_version", []string{"version_cible", "zielversion", "ziel_version", "version_objetivo", "versión_objetivo", "versao_alvo", "versione_target", "doelversie", "to_version", "target"}},
	{"install_method", []string{"methode", "méthode", "methode_installation", "méthode_installation", "installationsmethode", "installationsart", "metodo_instalacion", "método_instalación", "install"}},
	{"window_start", []string{"debut_fenetre", "début_fenêtre", "fenetre", "fenêtre", "wartungsfenster", "fensterbeginn", "ventana", "inicio_ventana", "window"}},
	{"window_end", []string{"fin_fenetre", "fin_fenêtre", "fensterende", "fin_ventana"}},
	{"window_duration", []string{"duree", "durée", "dauer", "duracion", "duración"}},
	{"timezone", []string{"fuseau_horaire", "fuseau", "zeitzone", "zona_horaria", "time_zone", "tz"}},
	{"contact", []string{"responsable", "interlocuteur", "ansprechpartner", "verantwortlich", "contacto", "contato", "contatto", "point_of_contact", "poc"}},
	{"edition", []string{"édition", "edicion", "edición"}},
	{"topology", []string{"topologie", "topologia", "topología", "architecture", "architektur", "arquitectura"}},
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
