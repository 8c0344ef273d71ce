package lint

import "testing"

// TestLexicon checks phrase matching across word forms and punctuation.
func TestLexicon(t *testing.T) {
	tests := []struct {
		text string
		term Term
		want bool
	}{
		{"Check the batched background migrations", TermBBM, true},
		{"background migration status", TermBBM, true},
		{"sudo gitlab-rake gitlab:check SANITIZE=true", TermCheckCmd, true},
		{"sudo gitlab-backup create STRATEGY=copy", TermBackupCmd, true},
		{"Rückfallplan", TermRollback, true},
		{"Controles na elke upgrade", TermVerify, true},
		{"Cómo está hoy", TermEnvironment, true},
		{"vérifier qu'aucune migration en arrière-plan n'est en attente", TermBBM, true},
		{"Single box, everything bundled", TermSingleNode, true},
		{"Die Datenbank wird aus dem Backup wiederhergestellt", TermRestore, true},
		{"Rücksicherung des Backups vom Vortag", TermRestore, true},
		{"Pakket terugzetten naar de vorige versie", TermRestore, false},
		{"Plan de reversión", TermRollback, true},
		{"Retour arrière", TermRollback, true},
		{"Wartungsfenster", TermWindow, true},
		{"Ventana de mantenimiento", TermWindow, true},
		{"backups", TermBackup, true},
		{"rollbacks", TermRollback, true},
		{"apt-get upgrade -y", TermUnpinnedCmd, true},
		{"we use the package", TermUnpinnedCmd, false},
		{"gitlab-secrets.json", TermSecretsJSON, true},
	}
	for _, tt := range tests {
		lower := lowerSameLen(tt.text)
		got := false
		for _, m := range lexi().match(tokenize(lower, nil), nil) {
			if m.Term == tt.term {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q has term %d: %v, want %v", tt.text, tt.term, got, tt.want)
		}
	}
}

// TestTokenHash checks that tokenize hashes every word as wordHash does,
// including words with non-ASCII letters.
func TestTokenHash(t *testing.T) {
	for _, s := range []string{"rückfallplan: 17.8.7 → 17.11.7", "Übersicht (café), naïve|x", "a.b,c d;e—f"} {
		for _, tk := range tokenize(lowerSameLen(s), nil) {
			if tk.hash != wordHash(tk.Word) {
				t.Errorf("%q: token %q has hash %d, want %d", s, tk.Word, tk.hash, wordHash(tk.Word))
			}
		}
	}
}
