package network

import (
	"hash/fnv"
	"math"
	"slices"
)

// Sizes in viewBox units.
const (
	fontSize  = 12  // label text; matches the <style>
	charWidth = 0.6 // average advance of a label character, in ems
	labelGap  = 3   // between a node's edge and the top of its label
	margin    = 8   // kept clear inside the viewBox
	minRadius = 4
	maxRadius = 18
	padding   = 4 // kept clear between two nodes' boxes

	maxIterations = 300
	minIterations = 120
	stepBudget    = 40000 // iterations × nodes, beyond which fewer iterations
	settlePasses  = 60
	gravity       = 0.04 // pull to the centre per unit of distance, so that unlinked parts stay near
	startTempFrac = 0.1  // first step may move a node this share of the width
)

// layout holds node positions and the space each node takes: its disc (or
// square) of radius r, and room for its label centred below it (which is
// where labels go unless that place is taken; see chooseLabels).
type layout struct {
	width, height float64   // the box the nodes are in
	x, y          []float64 // centres
	r             []float64 // radius
	half          []float64 // half the width of disc and label together
	below         []float64 // from the centre down to the label's bottom
	weight        []float64 // edge weight, scaled to (0, 1]
	labelled      []bool    // whether the label is drawn
	lx, ly        []float64 // where: the text's anchor point on the baseline
	anchor        []string  // and how: its text-anchor
}

// Node boxes: the disc and its label, as an extent on each side of the
// centre. Used for bounds and for overlap.
func (l *layout) left(i int) float64   { return l.x[i] - l.half[i] }
func (l *layout) right(i int) float64  { return l.x[i] + l.half[i] }
func (l *layout) top(i int) float64    { return l.y[i] - l.r[i] }
func (l *layout) bottom(i int) float64 { return l.y[i] + l.below[i] }

// labelWidth estimates the rendered width of s: no font metrics are at hand
// at build time, so it counts characters, wide (CJK) ones double.
func labelWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 && r < 0xFF61 || r >= 0x20000 {
			w += 1
		} else {
			w += charWidth
		}
	}
	return float64(w * fontSize)
}

// place lays g out in a width×height box.
func place(g *graph, width, height float64) *layout {
	n := len(g.nodes)
	l := &layout{
		width: width, height: height,
		x: make([]float64, n), y: make([]float64, n), r: make([]float64, n),
		half: make([]float64, n), below: make([]float64, n),
		weight:   make([]float64, len(g.edges)),
		labelled: make([]bool, n), lx: make([]float64, n), ly: make([]float64, n), anchor: make([]string, n),
	}
	if n == 0 {
		return l
	}

	// Sizes: area grows with weight, so radius with its square root. In a
	// crowded picture the largest nodes shrink so they leave room.
	innerW, innerH := max(width-2*margin, 1), max(height-2*margin, 1)
	k := math.Sqrt(float64(innerW*innerH) / float64(n)) // ideal distance between nodes
	rMax := min(maxRadius, max(minRadius+2, float64(k*0.22)))
	wMax := 1
	for _, nd := range g.nodes {
		wMax = max(wMax, nd.Weight)
	}
	for i, nd := range g.nodes {
		s := math.Sqrt(float64(nd.Weight) / float64(wMax))
		l.r[i] = minRadius + float64((rMax-minRadius)*s)
		l.half[i] = max(l.r[i], labelWidth(g.labels[i])/2)
		l.below[i] = l.r[i] + labelGap + fontSize + 2
	}
	eMax := 1
	for _, e := range g.edges {
		eMax = max(eMax, e.weight)
	}
	for i, e := range g.edges {
		l.weight[i] = math.Sqrt(float64(e.weight) / float64(eMax))
	}

	// Start from positions hashed from the IDs: spread like random ones,
	// but reproducible and independent of the other nodes.
	for i, nd := range g.nodes {
		h := fnv.New64a()
		h.Write([]byte(nd.ID))
		v := mix(h.Sum64())
		l.x[i] = margin + float64(innerW*(float64(v>>32)/(1<<32)))
		l.y[i] = margin + float64(innerH*(float64(v&0xffffffff)/(1<<32)))
	}

	l.forces(g, width, height, k)
	l.fill(width, height)
	l.settle(width, height, l.labelsFit(innerW, innerH))
	l.chooseLabels(g, width, height)
	return l
}

// labelsFit tells whether there is room to keep labels clear of each other
// as well as nodes: when their boxes would cover much of the picture,
// trying only piles nodes into columns.
func (l *layout) labelsFit(innerW, innerH float64) bool {
	area := 0.0
	for i := range l.x {
		area += float64((2*l.half[i] + padding) * (l.r[i] + l.below[i] + padding))
	}
	return area < float64(0.4*innerW*innerH)
}

// fill stretches the layout over the whole box: the forces settle on a
// round cloud whose size depends on how connected the graph is, while the
// picture has a fixed, usually wide, shape. The edges keep room for a
// typical node and its label; clamp then fits the larger ones.
func (l *layout) fill(width, height float64) {
	hx := float64(width * 0.06)
	stretch(l.x, margin+hx, width-margin-hx)
	stretch(l.y, margin+maxRadius, height-margin-maxRadius-labelGap-fontSize)
	l.clamp(width, height)
}

// stretch maps the range of v onto [lo, hi], or puts all at the middle if
// they are (nearly) the same.
func stretch(v []float64, lo, hi float64) {
	v0, v1 := slices.Min(v), slices.Max(v)
	if v1-v0 < 1 || hi <= lo {
		for i := range v {
			v[i] = (lo + hi) / 2
		}
		return
	}
	s := (hi - lo) / (v1 - v0)
	for i := range v {
		v[i] = lo + float64((v[i]-v0)*s)
	}
}

// chooseLabels decides which labels to show, and where: the most
// prominent nodes first, each label below its node if there is room, else
// above, right or left. Room means inside the viewBox, clear of every
// label already placed and of every node drawn later (heavier), which
// would cover it; a label may cross lighter nodes, drawn beneath it. A
// crowded picture thus keeps the labels that matter legible and drops the
// rest; every node still names itself in its <title> tooltip.
func (l *layout) chooseLabels(g *graph, width, height float64) {
	n := len(l.x)
	// rank is the drawing order: a node is covered by those after it.
	order := g.drawOrder()
	rank := make([]int, n)
	for r, i := range order {
		rank[i] = r
	}
	type box struct{ x0, y0, x1, y1 float64 }
	overlaps := func(a, b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
	var placed []box
	// Placed labels keep a little space between them, so that two on a
	// line do not read as one.
	const apart = 4
	for _, i := range slices.Backward(order) { // heaviest first
		w := labelWidth(g.labels[i])
		hw := float64(w / 2)
		x, y, r := l.x[i], l.y[i], l.r[i]
		side := r + labelGap
		for _, c := range []struct {
			b      box
			anchor string
		}{
			{box{x - hw, y + side, x + hw, y + side + fontSize}, "middle"},
			{box{x - hw, y - side - fontSize, x + hw, y - side}, "middle"},
			{box{x + side, y - fontSize/2, x + side + w, y + fontSize/2}, "start"},
			{box{x - side - w, y - fontSize/2, x - side, y + fontSize/2}, "end"},
		} {
			b := c.b
			if b.x0 < 0 || b.y0 < 0 || b.x1 > width || b.y1 > height {
				continue
			}
			free := !slices.ContainsFunc(placed, func(p box) bool {
				return overlaps(box{b.x0 - apart, b.y0, b.x1 + apart, b.y1}, p)
			})
			for j := 0; free && j < n; j++ {
				free = j == i || rank[j] < rank[i] || !overlaps(b, box{l.x[j] - l.r[j], l.y[j] - l.r[j], l.x[j] + l.r[j], l.y[j] + l.r[j]})
			}
			if !free {
				continue
			}
			placed = append(placed, b)
			l.labelled[i] = true
			l.anchor[i] = c.anchor
			l.lx[i] = x
			switch c.anchor {
			case "start":
				l.lx[i] = b.x0
			case "end":
				l.lx[i] = b.x1
			}
			// The baseline sits a cap height and a bit below the top.
			l.ly[i] = b.y0 + float64(0.8*fontSize)
			break
		}
	}
}

// fullAt is where a node's name goes in full, centred on the anchor
// point returned: over its label, if it has one, else below the node (or
// above, at the bottom), moved sideways as far as it must to stay inside
// the box. It is drawn only on hover and focus, so it may cover others.
func (l *layout) fullAt(i int, name, label string) (x, y float64) {
	w := labelWidth(name)
	x, y = l.x[i], l.y[i]+l.r[i]+labelGap+float64(0.8*fontSize)
	if y+float64(0.2*fontSize) > l.height {
		y = l.y[i] - l.r[i] - labelGap - float64(0.2*fontSize)
	}
	if l.labelled[i] {
		y = l.ly[i]
		// The centre of the shown label, whichever way it is anchored.
		switch shown := labelWidth(label); l.anchor[i] {
		case "start":
			x = l.lx[i] + float64(shown/2)
		case "end":
			x = l.lx[i] - float64(shown/2)
		default:
			x = l.lx[i]
		}
	}
	return within(x, margin+float64(w/2), l.width-margin-float64(w/2)), y
}

// forces runs Fruchterman–Reingold for a fixed number of iterations.
func (l *layout) forces(g *graph, width, height, k float64) {
	n := len(l.x)
	dx, dy := make([]float64, n), make([]float64, n)
	rep := newRepulsion(n, k)
	cx, cy := float64(width/2), float64(height/2)
	temp0 := float64(width * startTempFrac)
	// With many edges per node the pulls add up and crush the graph into
	// a ball; scaling them down keeps a dense graph about as spread out
	// as a sparse one.
	pull := 1.0
	if deg := float64(2*len(g.edges)) / float64(n); deg > 4 {
		pull = 4 / deg
	}

	// Many nodes take fewer (but a fixed number of) steps, so that the
	// time, which grows faster than the node count, stays small.
	iterations := min(maxIterations, max(minIterations, stepBudget/n))
	for it := range iterations {
		clear(dx)
		clear(dy)
		rep.apply(l.x, l.y, dx, dy)

		// Attraction d²/k along each edge, stronger for heavier edges.
		for e, ed := range g.edges {
			ex, ey := l.x[ed.a]-l.x[ed.b], l.y[ed.a]-l.y[ed.b]
			d := math.Sqrt(float64(ex*ex) + float64(ey*ey))
			f := float64(float64(d/k)*pull) * float64(0.5+l.weight[e])
			ex, ey = float64(ex*f), float64(ey*f)
			dx[ed.a] -= ex
			dy[ed.a] -= ey
			dx[ed.b] += ex
			dy[ed.b] += ey
		}

		// A weak pull to the centre, then move each node at most temp,
		// which falls linearly to near zero.
		temp := float64(temp0*float64(iterations-it)) / float64(iterations)
		for i := range n {
			dx[i] -= float64(gravity * float64(l.x[i]-cx))
			dy[i] -= float64(gravity * float64(l.y[i]-cy))
			d := math.Sqrt(float64(dx[i]*dx[i]) + float64(dy[i]*dy[i]))
			if d <= temp {
				l.x[i] += dx[i]
				l.y[i] += dy[i]
			} else if d > 0 {
				s := temp / d
				l.x[i] += float64(dx[i] * s)
				l.y[i] += float64(dy[i] * s)
			}
		}
	}
}

// repulsion computes Fruchterman–Reingold's k²/d push between nodes, but
// only between nodes within 2k of each other: they are bucketed into a
// grid of 2k cells over their bounding box, so each node meets only those
// in its own and the eight cells around, and each step is near linear in
// the number of nodes rather than quadratic. Nodes are copied into cell
// order so each bucket is contiguous, and each pair of cells is visited
// once.
type repulsion struct {
	k2           float64
	cell, x0, y0 float64 // the grid
	cols, rows   int
	start        []int // bucket c is order[start[c]:start[c+1]]
	cellOf, next []int
	order        []int     // node indexes, by cell, then index
	px, py       []float64 // positions in that order
	fx, fy       []float64 // forces in that order
}

func newRepulsion(n int, k float64) *repulsion {
	return &repulsion{
		k2:     float64(k * k),
		cellOf: make([]int, n), order: make([]int, n),
		px: make([]float64, n), py: make([]float64, n),
		fx: make([]float64, n), fy: make([]float64, n),
	}
}

// grid covers the nodes' bounding box with cells of 2k, or larger ones if
// the nodes are spread so far that 2k cells would be too many to visit.
func (r *repulsion) grid(x, y []float64) {
	r.x0, r.y0 = slices.Min(x), slices.Min(y)
	w, h := slices.Max(x)-r.x0, slices.Max(y)-r.y0
	r.cell = 2 * math.Sqrt(r.k2)
	maxCells := float64(4*len(x) + 16)
	if cells := float64((w/r.cell + 1) * (h/r.cell + 1)); cells > maxCells {
		r.cell *= math.Sqrt(cells / maxCells)
	}
	r.cols, r.rows = int(w/r.cell)+1, int(h/r.cell)+1
	if need := r.cols*r.rows + 1; cap(r.start) < need {
		r.start, r.next = make([]int, need), make([]int, need)
	}
	r.start, r.next = r.start[:r.cols*r.rows+1], r.next[:r.cols*r.rows]
}

// apply adds the push on each node to dx, dy.
func (r *repulsion) apply(x, y, dx, dy []float64) {
	// Bucket by cell (a counting sort, so stable: index order within).
	r.grid(x, y)
	clear(r.start)
	for i := range x {
		col := min(int((x[i]-r.x0)/r.cell), r.cols-1)
		row := min(int((y[i]-r.y0)/r.cell), r.rows-1)
		r.cellOf[i] = row*r.cols + col
		r.start[r.cellOf[i]+1]++
	}
	for c := 1; c < len(r.start); c++ {
		r.start[c] += r.start[c-1]
	}
	copy(r.next, r.start)
	for i, c := range r.cellOf {
		p := r.next[c]
		r.next[c]++
		r.order[p], r.px[p], r.py[p] = i, x[i], y[i]
	}
	clear(r.fx)
	clear(r.fy)

	// Each cell with itself, then with the four neighbours that come after
	// it (right, and the three below), so that every near pair meets once.
	for row := range r.rows {
		for col := range r.cols {
			c := row*r.cols + col
			r.between(c, c)
			if col+1 < r.cols {
				r.between(c, c+1)
			}
			if row+1 < r.rows {
				for dc := -1; dc <= 1; dc++ {
					if col+dc >= 0 && col+dc < r.cols {
						r.between(c, c+r.cols+dc)
					}
				}
			}
		}
	}
	for p, i := range r.order {
		dx[i] += r.fx[p]
		dy[i] += r.fy[p]
	}
}

// between pushes apart the nodes of cells a and b (each pair once if a is b).
func (r *repulsion) between(a, b int) {
	reach2 := float64(4 * r.k2)
	for p := r.start[a]; p < r.start[a+1]; p++ {
		q0 := r.start[b]
		if a == b {
			q0 = p + 1
		}
		xp, yp := r.px[p], r.py[p]
		var fx, fy float64
		for q := q0; q < r.start[b+1]; q++ {
			ex, ey := xp-r.px[q], yp-r.py[q]
			d2 := float64(ex*ex) + float64(ey*ey)
			if d2 >= reach2 {
				continue
			}
			if d2 < 0.01 {
				// Same place: part them along a fixed axis.
				ex, ey, d2 = -0.1, -0.1, 0.02
			}
			f := r.k2 / d2
			ex, ey = float64(ex*f), float64(ey*f)
			fx += ex
			fy += ey
			r.fx[q] -= ex
			r.fy[q] -= ey
		}
		r.fx[p] += fx
		r.fy[p] += fy
	}
}

// settle removes what overlap it can: between discs, and if withLabels
// between the boxes of disc and label together. An overlapping pair moves
// apart, each by half the overlap; discs along the line between their
// centres, boxes along the axis where they overlap least. The passes are
// bounded, so a crowded picture may keep some overlap.
func (l *layout) settle(width, height float64, withLabels bool) {
	n := len(l.x)
	for range settlePasses {
		moved := false
		for i := range n {
			for j := i + 1; j < n; j++ {
				if withLabels {
					moved = l.partBoxes(i, j) || moved
				} else {
					moved = l.partDiscs(i, j) || moved
				}
			}
		}
		l.clamp(width, height)
		if !moved {
			return
		}
	}
}

func (l *layout) partBoxes(i, j int) bool {
	ox := min(l.right(i), l.right(j)) - max(l.left(i), l.left(j)) + padding
	if ox <= 0 {
		return false
	}
	oy := min(l.bottom(i), l.bottom(j)) - max(l.top(i), l.top(j)) + padding
	if oy <= 0 {
		return false
	}
	// A little more than half each, so that they clear; ties part by index.
	if ox < oy {
		s := float64(ox/2) + 0.05
		if l.x[i] > l.x[j] {
			s = -s
		}
		l.x[i] -= s
		l.x[j] += s
	} else {
		s := float64(oy/2) + 0.05
		if l.y[i] > l.y[j] {
			s = -s
		}
		l.y[i] -= s
		l.y[j] += s
	}
	return true
}

func (l *layout) partDiscs(i, j int) bool {
	want := l.r[i] + l.r[j] + padding
	ex, ey := l.x[j]-l.x[i], l.y[j]-l.y[i]
	d2 := float64(ex*ex) + float64(ey*ey)
	if d2 >= float64(want*want) {
		return false
	}
	d := math.Sqrt(d2)
	if d < 0.01 {
		ex, ey, d = 1, 0, 1 // same place: part sideways
	}
	s := (float64((want-d)/2) + 0.05) / d
	l.x[i] -= float64(ex * s)
	l.y[i] -= float64(ey * s)
	l.x[j] += float64(ex * s)
	l.y[j] += float64(ey * s)
	return true
}

// clamp keeps every node's box inside the viewBox margins; a label wider
// than the whole picture is centred.
func (l *layout) clamp(width, height float64) {
	for i := range l.x {
		l.x[i] = within(l.x[i], margin+l.half[i], width-margin-l.half[i])
		l.y[i] = within(l.y[i], margin+l.r[i], height-margin-l.below[i])
	}
}

// mix is MurmurHash3's 64-bit finaliser. FNV alone leaves the high bits
// of similar IDs ("n001", "n002") nearly equal, which would start those
// nodes in a line.
func mix(v uint64) uint64 {
	v ^= v >> 33
	v *= 0xff51afd7ed558ccd
	v ^= v >> 33
	v *= 0xc4ceb9fe1a85ec53
	v ^= v >> 33
	return v
}

func within(v, lo, hi float64) float64 {
	if lo > hi {
		return (lo + hi) / 2
	}
	return min(max(v, lo), hi)
}
