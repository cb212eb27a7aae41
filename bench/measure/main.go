// Command measure runs a command several times and reports its median
// wall time and its peak resident memory (RSS), the two figures the
// performance targets are set in.
//
//	go run ./bench/measure -runs 3 -- gen build -root corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 3, "how many times to run the command")
	label := flag.String("label", "", "name to print for the command")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-runs N] [-label NAME] -- command [args]")
		os.Exit(2)
	}
	var walls []time.Duration
	var peak int64
	for range *runs {
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "measure: %v\n", err)
			os.Exit(1)
		}
		walls = append(walls, time.Since(start))
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, u.Maxrss) // kilobytes on Linux
		}
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	name := *label
	if name == "" {
		name = flag.Arg(0)
	}
	fmt.Printf("%s: median %.2f s of %d runs (min %.2f s, max %.2f s), peak RSS %d MB\n",
		name, walls[len(walls)/2].Seconds(), len(walls), walls[0].Seconds(), walls[len(walls)-1].Seconds(), peak/1024)
}
