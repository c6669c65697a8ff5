package lexicons

// mergeLabel merges a parsed rules file. Embedded files define a label once; an override
// file replaces rules with the same id, removes rules marked disable: true, appends new
// rules and, when it gives one, replaces the threshold.
func (b *builder) mergeLabel(name string, d *labelDoc, override bool) {
	l := b.set.labels[d.label]
	if l == nil || !override {
		l = b.defineLabel(name, d, l)
	}
	if d.hasThreshold {
		l.Threshold = d.threshold
	}
	b.checkFileIDs(d)
	for _, dis := range d.disabled {
		b.disableRule(l, dis, override)
	}
	for _, r := range d.rules {
		b.putRule(l, r, override)
	}
}

func (b *builder) defineLabel(name string, d *labelDoc, prev *Label) *Label {
	if prev != nil {
		b.errs.add(d.labelPos, "label %q is already defined in %s", d.label, prev.File)
	}
	l := &Label{Name: d.label, File: name}
	if !d.hasThreshold {
		b.errs.add(d.labelPos, "label %q has no threshold", d.label)
	}
	b.set.labels[d.label] = l
	return l
}

// checkFileIDs reports ids used twice in one file.
func (b *builder) checkFileIDs(d *labelDoc) {
	seen := map[string]Pos{}
	for _, r := range d.rules {
		if p, dup := seen[r.ID]; dup && r.ID != "" {
			b.errs.add(r.Pos, "duplicate rule id %q (first at %s)", r.ID, p)
		}
		seen[r.ID] = r.Pos
	}
}

func (b *builder) disableRule(l *Label, dis disable, override bool) {
	if !override {
		b.errs.add(dis.pos, "disable: true is allowed only in an override directory")
		return
	}
	for i, r := range l.Rules {
		if r.ID == dis.id {
			l.Rules = append(l.Rules[:i:i], l.Rules[i+1:]...)
			return
		}
	}
	b.errs.add(dis.pos, "no rule %q in label %q to disable", dis.id, l.Name)
}

// putRule replaces the rule with the same id or appends r. Ids are unique across labels.
func (b *builder) putRule(l *Label, r *Rule, override bool) {
	if owner := b.ruleOwner(r.ID); owner != nil && owner != l {
		b.errs.add(r.Pos, "rule id %q is already used in label %q", r.ID, owner.Name)
		return
	}
	for i, old := range l.Rules {
		if old.ID == r.ID && override {
			l.Rules[i] = r
			return
		}
	}
	l.Rules = append(l.Rules, r)
}

func (b *builder) ruleOwner(id string) *Label {
	for _, l := range b.set.labels {
		for _, r := range l.Rules {
			if r.ID == id {
				return l
			}
		}
	}
	return nil
}

// mergeList adds a word list, or extends an existing one: entries are appended, "!entry"
// removes an entry.
func (b *builder) mergeList(listName, file string, lines []listLine) {
	l := b.set.lists[listName]
	if l == nil {
		l = &List{Name: listName, File: file}
		b.set.lists[listName] = l
	}
	for _, ln := range lines {
		if ln.remove {
			b.removeEntry(l, ln)
			continue
		}
		if !hasEntry(l, ln.text) {
			l.Entries = append(l.Entries, Entry{Text: ln.text, Pos: ln.pos})
		}
	}
}

func (b *builder) removeEntry(l *List, ln listLine) {
	for i, e := range l.Entries {
		if e.Text == ln.text {
			l.Entries = append(l.Entries[:i:i], l.Entries[i+1:]...)
			return
		}
	}
	b.errs.add(ln.pos, "no entry %q in word list %q to remove", ln.text, l.Name)
}

func hasEntry(l *List, text string) bool {
	for _, e := range l.Entries {
		if e.Text == text {
			return true
		}
	}
	return false
}

// checkComplete reports missing labels and lists and references to unknown lists.
func (b *builder) checkComplete() {
	top := Pos{File: "lexicons", Line: 1, Col: 1}
	for _, name := range LabelNames() {
		if b.set.labels[name] == nil {
			b.errs.add(top, "missing rules file for label %q", name)
		}
	}
	for _, name := range RequiredLists() {
		if b.set.lists[name] == nil {
			b.errs.add(top, "missing word list %s.txt", name)
		}
	}
	for _, l := range b.set.labels {
		for _, r := range l.Rules {
			b.checkListRefs(r.Match)
			b.checkListRefs(r.With)
		}
	}
}

func (b *builder) checkListRefs(ps []Pattern) {
	for _, p := range ps {
		for _, e := range p.Elems {
			if e.Kind == ElemList && b.set.lists[e.List] == nil {
				b.errs.add(p.Pos, "unknown word list {%s} (no file %s.txt)", e.List, e.List)
			}
		}
	}
}
