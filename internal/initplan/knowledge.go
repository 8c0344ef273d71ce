package initplan

func (g *gen) postgres()  {}
func (g *gen) osSupport() {}
func (g *gen) notes()     {}
