package output

import "os"

// swapByRenames swaps two folders where no atomic exchange is to be had:
// for the instant between the first two renames, b is missing, but it
// never holds a mix of the two.
func swapByRenames(a, b string) error {
	aside := a + ".swap"
	if err := os.RemoveAll(aside); err != nil {
		return err
	}
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(aside, b)
		return err
	}
	os.Rename(aside, a) // the new site is in place; if this fails, the next build makes a new spare
	return nil
}
