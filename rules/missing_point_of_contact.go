package rules

import "github.com/planlint/planlint/lint"

// MissingPointOfContact finds plans without a reachable contact.
var MissingPointOfContact = &lint.Rule{
	ID:       "missing-point-of-contact",
	Title:    "the plan names no person Support can reach during the window",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Support asks for a point of contact for every upgrade request, e-mail preferred. A role ("the ops
team") or a bare name does not say how to reach anyone while the upgrade runs.

The rule is satisfied by a contact label, a contacts section or table, or front matter ` + "`contact`" + `
that gives an e-mail address, a phone number, or a name with a chat handle.

Fix: add "Point of contact: Jane Doe <jane.doe@example.com>, +49 170 1234567".`,
	Run: func(p *lint.Pass) {
		c := p.Plan.Contact
		switch {
		case c == nil:
			p.ReportDocumentf("plan names no point of contact for the window. add a person Support can reach during the upgrade, with an e-mail address (preferred) or a phone number")
		case c.Shared:
			p.Reportf(c.Line, c.Span, "point of contact %s is a shared mailbox, not a person. name the person Support can reach during the window, with an e-mail address or phone number", quote(c.Value))
		case c.Reachable, c.Placeholder:
		case c.Name != "":
			p.Reportf(c.Line, c.Span, "point of contact %s has no e-mail address or phone number. add how Support can reach them during the window, for example \"%s <name@example.com>\"", quote(c.Name), c.Name)
		default:
			p.Reportf(c.Line, c.Span, "point of contact %s does not name a person Support can reach. add a named person with an e-mail address or phone number", quote(c.Value))
		}
	},
}
